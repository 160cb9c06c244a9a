// Orientation module.
