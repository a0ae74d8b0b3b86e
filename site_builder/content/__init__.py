"""The content model shared by every stage: pages, front matter, blocks, glossary, schema, errors."""
