"""Readers' feedback on articles: "Was this page helpful?" and "Report a problem"."""
