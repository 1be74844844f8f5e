"""People's rights registers: complaints, oversight correspondence, surveys, their figures."""
