"""The province dashboard and the records behind a computed figure."""
