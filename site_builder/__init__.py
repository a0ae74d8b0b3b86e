"""Bilingual report digest: Chinese newspaper reports -> Chinese/English MkDocs site."""

__version__ = "0.1.0"
