#pragma once

#include <QMainWindow>

#include <memory>

class QDockWidget;
class QLabel;
class QMenu;
class QTableView;
class QTimer;

namespace chronomap {

class ActorMapView;
class DetailsPanel;
class EventTableModel;
class Selection;
class Story;
class TimelineView;

// The main window: one open story, its linked views (events table, timeline, actor map,
// details) and the File menu. Views are rebuilt when another story is opened.
class MainWindow final : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    // Opens FILE, or with no file the seed story in the user's data folder (created on first
    // start). A failure is shown to the user; returns false only if the window cannot work.
    bool openInitial(const QString& file);
    // Opens a story; on failure shows one clear message and keeps the current story.
    bool openStory(const QString& path);

    Story* story() const { return m_story.get(); }
    Selection* selection() const { return m_selection; }
    QTableView* eventTable() const { return m_table; }
    TimelineView* timeline() const { return m_timeline; }
    ActorMapView* actorMap() const { return m_actorMap; }

    // Where the seed story lives for this user.
    static QString defaultStoryPath();

private:
    void buildMenus();
    void buildViews();
    void clearViews();
    void newStory();
    void openDialog();
    void saveCopy();
    void updateRecentMenu();
    void addRecent(const QString& path);
    void showError(const QString& message);
    void pollOutsideChanges();

    std::unique_ptr<Story> m_story;
    Selection* m_selection = nullptr;
    EventTableModel* m_model = nullptr;
    QTableView* m_table = nullptr;
    TimelineView* m_timeline = nullptr;
    ActorMapView* m_actorMap = nullptr;
    DetailsPanel* m_details = nullptr;
    QDockWidget* m_eventsDock = nullptr;
    QDockWidget* m_detailsDock = nullptr;
    QMenu* m_viewMenu = nullptr;
    QMenu* m_recentMenu = nullptr;
    QLabel* m_status = nullptr;
    QTimer* m_poll = nullptr;
};

} // namespace chronomap
