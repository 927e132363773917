#pragma once

class QMenu;

namespace chronomap {

class MainWindow;

// Puts File › Export Chart… (Ctrl+E), Copy Chart (Ctrl+Shift+C) and Print… (Ctrl+P) into
// `file`, before Quit. Each works on the chart that has focus (the timeline otherwise), with
// the window's time window, filters and lanes, and draws through the export composer, so the
// clipboard, the printer and the file get the same finished chart. The last export's choices
// (theme, size, title block, publish-safe) are remembered for the copy and the print.
void installExportActions(MainWindow* window, QMenu* file);

} // namespace chronomap
