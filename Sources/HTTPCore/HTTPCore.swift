// HTTPCore module.
