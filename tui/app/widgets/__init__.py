"""The reader's widgets, one module each: pane.py (a source pane), bars.py (the source bar,
the status line, the search field), document.py (stacked documents), keypanel.py (demo
mode's keys), styles.py (the styles of marked lines, shared by the panes and documents)."""
