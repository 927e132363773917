#pragma once

#include "query/lanes.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

class QMainWindow;

namespace chronomap {

// The user's preferences, kept with QSettings: who signs notes and the change log, the look
// of the window and charts, the lanes a timeline starts with, the recently opened stories and
// where the window and its docks were. One place reads and writes the keys, so the window,
// the Preferences dialog and the tests agree on them.
class Preferences
{
public:
    // The name notes and the change log are signed with: CHRONOMAP_AUTHOR (for tests and
    // scripts) over the saved preference over the login name.
    static QString author();
    // The saved preference alone (empty: the login name is used).
    static QString savedAuthor();
    static void setAuthor(const QString& name);

    // "system" (follow the desktop's palette), "light", "dark", "print" or "broadcast".
    static QString theme();
    static void setTheme(const QString& name);
    static QStringList themeNames();

    static LaneMode laneMode();
    static void setLaneMode(LaneMode mode);

    // Most recent first, absolute paths, at most maxRecent().
    static QStringList recentFiles();
    static void addRecent(const QString& path);
    static void removeRecent(const QString& path);
    static void clearRecent();
    static int maxRecent() { return 8; }

    // Window geometry and the docks' and toolbars' layout. The layout carries a version so
    // that a layout saved by an older window (other docks) is ignored rather than misapplied.
    static void saveWindow(const QMainWindow& window);
    // Restores what saveWindow stored; false if nothing (or an older layout) was stored.
    static bool restoreWindow(QMainWindow& window);
    static constexpr int kLayoutVersion = 1;
    // Whether the user has set the height of the docks under the charts (dragged their
    // edge): then the window keeps it, instead of giving the timeline what it needs.
    static bool bottomDocksSized();
    static void setBottomDocksSized(bool sized);
};

} // namespace chronomap
