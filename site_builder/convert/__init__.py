"""Raw report -> Chinese page: decode, parse, layout, metadata, numbers, figures, render, import."""
