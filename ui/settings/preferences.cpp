#include "preferences.h"

#include "store/postgres/pgconnection.h"
#include "story/story.h"

#include <QFileInfo>
#include <QMainWindow>
#include <QSettings>

namespace chronomap {

namespace {
const QString kAuthor = QStringLiteral("author");
const QString kTheme = QStringLiteral("theme");
const QString kLanes = QStringLiteral("lanes");
const QString kRecent = QStringLiteral("recentFiles");
const QString kGeometry = QStringLiteral("window/geometry");
const QString kState = QStringLiteral("window/state");
const QString kStateVersion = QStringLiteral("window/stateVersion");
const QString kBottomDocksSized = QStringLiteral("window/bottomDocksSized");
} // namespace

QString Preferences::author()
{
    if (const QString env = qEnvironmentVariable("CHRONOMAP_AUTHOR"); !env.isEmpty())
        return env;
    if (const QString saved = savedAuthor(); !saved.isEmpty())
        return saved;
    return defaultAuthor();
}

QString Preferences::savedAuthor()
{
    return QSettings().value(kAuthor).toString().trimmed();
}

void Preferences::setAuthor(const QString& name)
{
    QSettings settings;
    if (name.trimmed().isEmpty())
        settings.remove(kAuthor);
    else
        settings.setValue(kAuthor, name.trimmed());
}

QStringList Preferences::themeNames()
{
    return {QStringLiteral("system"), QStringLiteral("light"), QStringLiteral("dark"),
            QStringLiteral("print"), QStringLiteral("broadcast")};
}

QString Preferences::theme()
{
    const QString name = QSettings().value(kTheme).toString();
    return themeNames().contains(name) ? name : QStringLiteral("system");
}

void Preferences::setTheme(const QString& name)
{
    QSettings().setValue(kTheme, themeNames().contains(name) ? name : QStringLiteral("system"));
}

LaneMode Preferences::laneMode()
{
    const int mode = QSettings().value(kLanes, int(LaneMode::Category)).toInt();
    return mode >= int(LaneMode::Category) && mode <= int(LaneMode::Packed) ? LaneMode(mode)
                                                                            : LaneMode::Category;
}

void Preferences::setLaneMode(LaneMode mode)
{
    QSettings().setValue(kLanes, int(mode));
}

bool Preferences::bottomDocksSized()
{
    return QSettings().value(kBottomDocksSized, false).toBool();
}

void Preferences::setBottomDocksSized(bool sized)
{
    QSettings().setValue(kBottomDocksSized, sized);
}

QStringList Preferences::recentFiles()
{
    QStringList recent = QSettings().value(kRecent).toStringList();
    recent.removeAll(QString());
    return recent.mid(0, maxRecent());
}

void Preferences::addRecent(const QString& path)
{
    // A shared story's address is kept without any password.
    const QString absolute =
        Store::isUrl(path) ? PgLocator::withoutSecrets(path) : QFileInfo(path).absoluteFilePath();
    QStringList recent = recentFiles();
    recent.removeAll(absolute);
    recent.prepend(absolute);
    QSettings().setValue(kRecent, recent.mid(0, maxRecent()));
}

void Preferences::removeRecent(const QString& path)
{
    QStringList recent = recentFiles();
    recent.removeAll(path);
    if (!Store::isUrl(path))
        recent.removeAll(QFileInfo(path).absoluteFilePath());
    QSettings().setValue(kRecent, recent);
}

void Preferences::clearRecent()
{
    QSettings().remove(kRecent);
}

void Preferences::saveWindow(const QMainWindow& window)
{
    QSettings settings;
    settings.setValue(kGeometry, window.saveGeometry());
    settings.setValue(kState, window.saveState(kLayoutVersion));
    settings.setValue(kStateVersion, kLayoutVersion);
}

bool Preferences::restoreWindow(QMainWindow& window)
{
    QSettings settings;
    const QByteArray geometry = settings.value(kGeometry).toByteArray();
    if (geometry.isEmpty() || !window.restoreGeometry(geometry))
        return false;
    if (settings.value(kStateVersion).toInt() != kLayoutVersion)
        return true; // the window's size and place, but not an older dock layout
    window.restoreState(settings.value(kState).toByteArray(), kLayoutVersion);
    return true;
}

} // namespace chronomap
