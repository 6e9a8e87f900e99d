"""The reader's screens, one module each: reader.py (the panes side by side), parallels.py,
quotes.py, help.py, sources.py, pickers.py (speaker and topic filters); document.py is the
base of the stacked-document screens."""
