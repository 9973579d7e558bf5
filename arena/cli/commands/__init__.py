"""Sub-commands of `python -m arena`, discovered automatically."""
