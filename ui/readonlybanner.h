#pragma once

#include <QString>

class QMainWindow;

namespace chronomap {

// A strip above the charts that says why editing is off (a read-only file, folder or disk, a
// full disk, a damaged story) and what to do, so that a story that opens read-only reads as
// a choice the program made for a reason, not as a broken window. Wraps the window's central
// widget; an empty text installs nothing.
void showReadOnlyBanner(QMainWindow& window, const QString& text);

} // namespace chronomap
