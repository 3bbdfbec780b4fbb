"""Table and tree models of the window, one per table."""
