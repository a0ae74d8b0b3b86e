"""What the website shows: report pages, generated pages, components, feeds. No MkDocs import."""
