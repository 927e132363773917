#pragma once

#include "model/entities.h"

#include <QObject>
#include <QPointer>

class QAction;
class QDockWidget;
class QMenu;

namespace chronomap {

class MainWindow;
class PresentWindow;
class ScenesPanel;
struct ChartTheme;
struct SceneState;

// Scenes in the main window: the Scenes dock, View › Present (F5), View › Scenes and the
// scene export. Made by the window for each story it opens (after its views), deleted with
// them; it adds its own dock and menu entries and removes them when deleted.
class ScenesController final : public QObject
{
    Q_OBJECT

public:
    ScenesController(MainWindow* window, QMenu* viewMenu);
    ~ScenesController() override;

    ScenesPanel* panel() const { return m_panel; }
    QDockWidget* dock() const { return m_dock; }
    QAction* presentAction() const { return m_presentAct; }
    // The window's view now, as a scene would save it.
    SceneState currentView() const;
    // Shows a scene in the window's charts.
    void showScene(Id id);
    // Opens Present mode (full screen unless `fullScreen` is false, for tests).
    PresentWindow* present(bool fullScreen = true);
    // Asks where, then writes every scene as a PDF deck or numbered PNGs.
    void exportScenes();

private:
    ChartTheme theme() const;

    MainWindow* m_window;
    ScenesPanel* m_panel = nullptr;
    QDockWidget* m_dock = nullptr;
    QAction* m_presentAct = nullptr;
    QPointer<QAction> m_separator; // owned by the View menu, which may clear it first
    QPointer<PresentWindow> m_present;
};

} // namespace chronomap
