"""The reader: Textual screens and widgets that show the engine's Analysis."""
