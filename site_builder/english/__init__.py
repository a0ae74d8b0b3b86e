"""The English edition: rules, translate, backends, PO exchange, check."""
