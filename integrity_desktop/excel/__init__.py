"""Excel files: right-to-left workbooks written (``workbook``) and read back (``reading``)."""
