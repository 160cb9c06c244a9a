// Accueil module.
