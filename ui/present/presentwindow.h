#pragma once

#include "present/scenestate.h"

#include <QWidget>

class QLabel;
class QSplitter;
class QVariantAnimation;

namespace chronomap {

class ActorMapView;
class Selection;
class Story;
class TimelineView;
struct ChartTheme;

// Present mode: a full-screen window that plays a story's scenes in order, each with its
// chart(s) and caption. Between scenes the timeline's window glides to the next one and the
// map's nodes move to where the new window puts them; a key pressed during a transition
// finishes it at once. Keys: Right, Down, Page Down, Space, Enter next; Left, Up, Page Up,
// Backspace previous; Home, End; Esc leaves (presenters' clickers send Page Up/Down).
// It has its own views and selection, so presenting never changes the window behind it.
class PresentWindow final : public QWidget
{
    Q_OBJECT

public:
    // `fallback` is shown when the story has no scenes (the window's current view).
    PresentWindow(Story* story, const SceneState& fallback, const ChartTheme& theme,
                  QWidget* parent = nullptr);
    ~PresentWindow() override;

    int sceneCount() const { return int(m_scenes.size()); }
    int currentIndex() const { return m_index; }
    const Scene& currentScene() const { return m_scenes[m_index]; }
    TimelineView* timeline() const { return m_timeline; }
    ActorMapView* actorMap() const { return m_actorMap; }
    QLabel* captionLabel() const { return m_caption; }
    // Where the current transition ends (the scene's window), and whether one is running.
    std::pair<qint64, qint64> targetWindow() const { return m_target; }
    bool isAnimating() const;
    // Transition length in milliseconds; 0 jumps straight to each scene.
    void setTransitionDuration(int ms);
    // What could not be read from damaged scenes, one line each.
    QStringList problems() const { return m_problems; }

    void goTo(int index);
    void next() { goTo(m_index + 1); }
    void previous() { goTo(m_index - 1); }

signals:
    void sceneShown(int index);

protected:
    void keyPressEvent(QKeyEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    bool handleKey(int key);
    void showScene(int index, bool animate);
    void finishTransition();
    void balanceCharts();

    Story* m_story;
    Selection* m_selection;
    QSplitter* m_charts;
    TimelineView* m_timeline;
    ActorMapView* m_actorMap;
    QLabel* m_title;
    QLabel* m_caption;
    QLabel* m_counter;
    QVariantAnimation* m_animation;
    QList<Scene> m_scenes;
    QList<SceneState> m_states;
    QStringList m_problems;
    int m_index = -1;
    std::pair<qint64, qint64> m_start{0, 0}, m_target{0, 0};
};

} // namespace chronomap
