print("accueil")
