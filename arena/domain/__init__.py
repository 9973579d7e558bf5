"""Plain typed domain objects and rules; imports nothing else of the project."""
