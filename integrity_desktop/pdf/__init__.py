"""PDF output: Persian shaping for ReportLab, the app's fonts and the common report layout."""
