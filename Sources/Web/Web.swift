// Web module.
