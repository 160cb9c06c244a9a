// HTML module.
