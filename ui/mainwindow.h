#pragma once

#include "model/entities.h"
#include "query/eventfilter.h"
#include "theme/charttheme.h"

#include <QMainWindow>

#include <memory>

class QAction;
class QActionGroup;
class QDockWidget;
class QLabel;
class QLineEdit;
class QMenu;
class QTableView;
class QTimer;
class QToolBar;

namespace chronomap {

class ActorMapView;
class AnnotationsPanel;
class DetailsPanel;
class EventFilterProxy;
class EventTableModel;
class FilterBar;
class ScenesController;
class SearchPanel;
class Selection;
class Story;
class TimelineView;

// The main window: one open story, its linked views (events table, timeline, actor map, the
// inspector), the editing docks (notes, search results, undo history), the search field and
// filter bar, and the File, Edit, Entry and View menus. Views are rebuilt when another story
// is opened. Several windows may show one story (File › New Window): each has its own
// connection and undo stack, and picks up the others' edits through the file.
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
    DetailsPanel* detailsPanel() const { return m_details; }
    SearchPanel* searchPanel() const { return m_search; }
    FilterBar* filterBar() const { return m_filterBar; }
    AnnotationsPanel* annotationsPanel() const { return m_annotations; }
    QLineEdit* searchField() const { return m_searchField; }

    // The status bar's counts as shown (see storyCountsText).
    QString countsShown() const;

    // Where the seed story lives for this user.
    static QString defaultStoryPath();

    // The chart theme both charts draw with now (the preference, or after the palette).
    ChartTheme chartTheme() const;
    // Applies the theme preference to the application and both charts.
    void applyTheme();
    // Opens Edit › Preferences (modal) and applies what changed.
    void showPreferences();
    void showShortcuts();

signals:
    // Both charts were given a new theme (the preference changed, or the desktop's palette).
    void chartThemeChanged(const ChartTheme& theme);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    bool event(QEvent* event) override;
    void closeEvent(QCloseEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void changeEvent(QEvent* event) override;
    bool focusNextPrevChild(bool next) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

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
    void newWindow();
    void newEntry(int kind);
    void showTableMenu(const QPoint& pos);
    QList<EntityRef> selectedRefs() const;
    void setStatusOfSelection(Verification status);
    void updateEditActions();
    void updateCounts();
    void buildHelpAndFocus();
    void updateChartTheme();
    QList<QWidget*> tabChain() const;
    void updateToolBarRows();
    void fitBottomDocks();
    QDockWidget* bottomDock() const;
    int firstBottomHeight() const;

    std::unique_ptr<Story> m_story;
    Selection* m_selection = nullptr;
    EventTableModel* m_model = nullptr;
    EventFilterProxy* m_proxy = nullptr;
    QTableView* m_table = nullptr;
    TimelineView* m_timeline = nullptr;
    ActorMapView* m_actorMap = nullptr;
    DetailsPanel* m_details = nullptr;
    QDockWidget* m_eventsDock = nullptr;
    QDockWidget* m_detailsDock = nullptr;
    bool m_detailsClosed = false; // by the user: a pick does not open it again
    bool m_docksRestoring = false; // a saved layout's dock sizes not yet given back
    int m_bottomDocksBefore = -1; // their height when a press on the window's own area began
    AnnotationsPanel* m_annotations = nullptr;
    QDockWidget* m_annotationsDock = nullptr;
    SearchPanel* m_search = nullptr;
    QDockWidget* m_searchDock = nullptr;
    QDockWidget* m_historyDock = nullptr;
    FilterBar* m_filterBar = nullptr;
    QToolBar* m_filterToolBar = nullptr;
    QToolBar* m_mainToolBar = nullptr;
    QLineEdit* m_searchField = nullptr;
    QTimer* m_searchDelay = nullptr;
    QAction* m_undoAct = nullptr;
    QAction* m_redoAct = nullptr;
    QMenu* m_editMenu = nullptr;
    QMenu* m_entryMenu = nullptr;
    QMenu* m_statusMenu = nullptr;
    QList<QAction*> m_storyActions; // need a writable story
    QMenu* m_viewMenu = nullptr;
    QMenu* m_recentMenu = nullptr;
    QMenu* m_themeMenu = nullptr;
    QActionGroup* m_themeGroup = nullptr;
    QList<QAction*> m_focusActions; // View › Go to ...: kept across story changes
    QAction* m_deleteAct = nullptr;
    QAction* m_editEntryAct = nullptr;
    QLabel* m_status = nullptr;
    QTimer* m_poll = nullptr;
    ScenesController* m_scenes = nullptr; // the Scenes dock and Present (ui/present)
};

} // namespace chronomap
