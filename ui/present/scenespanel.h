#pragma once

#include "model/entities.h"

#include <QWidget>

#include <functional>

class QAction;
class QLabel;
class QListWidget;
class QListWidgetItem;

namespace chronomap {

class Story;
struct Change;

// The Scenes dock: the story's saved views in playing order. Add the current view as a scene,
// rename it, edit its caption, update it to the current view, reorder (drag, the arrow buttons
// or Alt+Up/Down), delete; a double-click shows the scene in the window. Every change is one
// undo step on the story's stack, so Edit › Undo takes it back like any other edit.
class ScenesPanel final : public QWidget
{
    Q_OBJECT

public:
    // `capture` gives the window's current view as scene state JSON.
    ScenesPanel(Story* story, std::function<QString()> capture, QWidget* parent = nullptr);

    QListWidget* list() const { return m_list; }
    // The scene the list's current row shows, or 0.
    Id currentScene() const;
    void setCurrentScene(Id id);

    // The panel's commands without their prompts (the actions prompt, then call these).
    bool addScene(const QString& name, const QString& caption = {});
    bool renameScene(Id id, const QString& name);
    bool setCaption(Id id, const QString& caption);
    bool updateScene(Id id);
    bool moveScene(Id id, int index);
    bool deleteScene(Id id);

    QAction* addAction() const { return m_add; }
    QAction* presentAction() const { return m_present; }
    QAction* exportAction() const { return m_export; }

signals:
    // Double-click or Enter on a scene: show it in the window.
    void sceneActivated(chronomap::Id id);
    void presentRequested();
    void exportRequested();

private:
    void reload();
    void onStoryChanged(const Change& change);
    void onRowsMoved();
    void updateActions();
    void promptAdd();
    void promptRename();
    void promptCaption();

    Story* m_story;
    std::function<QString()> m_capture;
    QListWidget* m_list;
    QLabel* m_caption;
    QLabel* m_empty;
    QAction* m_add;
    QAction* m_update;
    QAction* m_rename;
    QAction* m_editCaption;
    QAction* m_up;
    QAction* m_down;
    QAction* m_delete;
    QAction* m_present;
    QAction* m_export;
    bool m_reloading = false;
};

} // namespace chronomap
