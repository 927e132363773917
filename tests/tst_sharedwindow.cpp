// The window on a shared story (PostgreSQL): two windows follow each other's edits entry by
// entry, a save over someone else's newer change is refused naming who and when, the role the
// server gives greys out what it does not allow, a server killed and restarted mid-edit leaves
// the window offline and then back with nothing lost, and the password appears nowhere.
#include "pgcluster.h"

#include "actormap/actormapchart.h"
#include "actormap/actormapview.h"
#include "edit/edits.h"
#include "events/eventtablemodel.h"
#include "inspector/detailspanel.h"
#include "inspector/entryform.h"
#include "mainwindow.h"
#include "query/selection.h"
#include "settings/preferences.h"
#include "shared/opensharedialog.h"
#include "shared/sharedsession.h"
#include "store/postgres/pgconnection.h"
#include "store/postgres/pgstore.h"
#include "story/story.h"

#include <QAction>
#include <QComboBox>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QStatusBar>
#include <QTableView>
#include <QTest>
#include <QTimer>
#include <QUndoStack>

#include <fcntl.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cstring>

using namespace chronomap;
using namespace chronomap::testing;

class TestSharedWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    // A test that failed with the server down leaves it up again for the next.
    void cleanup();
    void openDialogBuildsTheAddress();
    void editInOneWindowShowsInTheOther();
    void conflictingSaveIsRefusedWithWhoAndWhen();
    void undoRefusesToOverwriteANewerEdit();
    void roleGreysOutWhatItCannotDo();
    void serverKilledMidEditGoesOfflineAndBack();
    void passwordAppearsNowhere();
    void reporterTakesBackOwnDraft();
    void reconnectNeverBlocksTheWindow();
    void writingActionsGreyedOfflineWithWhy();
    void coalescedOutsideChangesFollowWhatTheServerHas();

private:
    std::unique_ptr<MainWindow> window(const QString& user = QString());
    Id firstEvent(MainWindow& w) const;
    // The story's drafts (every role from reporter up may edit them), in id order.
    static QList<Id> drafts(MainWindow& w);

    PgCluster* m_pg = nullptr;
};

#define REQUIRE_PG()                                                                               \
    do {                                                                                           \
        if (!m_pg)                                                                                 \
            QSKIP(qPrintable(PgCluster::why()));                                                   \
    } while (false)

namespace {

const QString kStory = QStringLiteral("desk");

// What the window's events table shows for an event (the view, not the database).
QString titleShown(MainWindow& w, Id id)
{
    auto* proxy = w.eventTable()->model();
    for (int row = 0; row < proxy->rowCount(); ++row) {
        const QModelIndex index = proxy->index(row, EventTableModel::TitleColumn);
        if (index.data(EventTableModel::IdRole).toLongLong() == id)
            return index.data().toString();
    }
    return {};
}

// A unix socket that accepts connections and never says a word: a hung server, or a host
// whose firewall lets a connection in and then drops everything.
class SilentServer
{
public:
    explicit SilentServer(const QString& path) : m_path(QFile::encodeName(path))
    {
        sockaddr_un addr{};
        addr.sun_family = AF_UNIX;
        if (std::size_t(m_path.size()) >= sizeof(addr.sun_path))
            return;
        std::memcpy(addr.sun_path, m_path.constData(), std::size_t(m_path.size()));
        ::unlink(m_path.constData()); // what the killed server left behind
        m_fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0);
        if (m_fd < 0 || ::bind(m_fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 ||
            ::listen(m_fd, 16) != 0)
            close();
    }
    ~SilentServer() { close(); }
    bool isListening() const { return m_fd >= 0; }
    // Takes the connections that came (and holds them open, unanswered); how many so far.
    int accepted()
    {
        while (m_fd >= 0) {
            const int c = ::accept4(m_fd, nullptr, nullptr, SOCK_NONBLOCK);
            if (c < 0)
                break;
            m_held << c;
        }
        return int(m_held.size());
    }
    // Stops listening and hangs up on every connection it held.
    void close()
    {
        for (int c : std::as_const(m_held))
            ::close(c);
        m_held.clear();
        if (m_fd >= 0) {
            ::close(m_fd);
            ::unlink(m_path.constData());
        }
        m_fd = -1;
    }

private:
    QByteArray m_path;
    int m_fd = -1;
    QList<int> m_held;
};

} // namespace

void TestSharedWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
    m_pg = PgCluster::instance();
    if (!m_pg)
        return;
    // The seed story on the server, and the desk: a viewer, a reporter, an editor and the
    // standards editor.
    Story::create(m_pg->url(kStory));
    auto admin = PgStore::openUrl(m_pg->url(kStory), Store::Mode::ReadWrite);
    for (const char* user : {"vera", "rob", "eddie", "stan"}) {
        m_pg->psql(QStringLiteral("DO $$BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname "
                                  "= '%1') THEN CREATE ROLE %1 LOGIN; END IF; END$$")
                       .arg(QLatin1String(user)));
    }
    admin->grantRole(QStringLiteral("vera"), QStringLiteral("viewer"));
    admin->grantRole(QStringLiteral("rob"), QStringLiteral("reporter"));
    admin->grantRole(QStringLiteral("eddie"), QStringLiteral("editor"));
    admin->grantRole(QStringLiteral("stan"), QStringLiteral("standards"));
}

void TestSharedWindow::cleanup()
{
    if (m_pg && !m_pg->isUp())
        QVERIFY(m_pg->restart());
}

std::unique_ptr<MainWindow> TestSharedWindow::window(const QString& user)
{
    auto w = std::make_unique<MainWindow>();
    if (!w->openStory(m_pg->url(kStory, user)))
        return nullptr;
    w->show();
    return w;
}

Id TestSharedWindow::firstEvent(MainWindow& w) const
{
    return w.story()->timeIndex().ids()[0];
}

QList<Id> TestSharedWindow::drafts(MainWindow& w)
{
    QList<Id> out;
    for (const Event& e : w.story()->store().events())
        if (e.status == Verification::Draft)
            out << e.id;
    std::sort(out.begin(), out.end());
    return out;
}

void TestSharedWindow::openDialogBuildsTheAddress()
{
    QCOMPARE(OpenSharedDialog::buildUrl(QStringLiteral("db.example.org"), 5433,
                                        QStringLiteral("newsroom"), QStringLiteral("peace plan"),
                                        QStringLiteral("rob")),
             QStringLiteral("postgresql://rob@db.example.org:5433/newsroom?story=peace%20plan"));
    QCOMPARE(OpenSharedDialog::buildUrl(QStringLiteral("/run/postgresql"), 5432,
                                        QStringLiteral("newsroom"), QStringLiteral("desk"),
                                        QStringLiteral("rob")),
             QStringLiteral("postgresql:///newsroom?host=%2Frun%2Fpostgresql&port=5432&user=rob"
                            "&story=desk"));
    QVERIFY(OpenSharedDialog::buildUrl(QStringLiteral("h"), 1, QString(), QStringLiteral("s"),
                                       QString())
                .isEmpty());
    // Recent files name a shared story by its story, host and database.
    QCOMPARE(recentEntryName(QStringLiteral("postgresql://rob@db.example.org:5433/newsroom"
                                            "?story=peace%20plan")),
             QStringLiteral("peace plan on db.example.org/newsroom"));
    OpenSharedDialog dialog;
    dialog.setFields(QStringLiteral("localhost"), 5432, QStringLiteral("newsroom"),
                     QStringLiteral("desk"), QStringLiteral("eddie"));
    QCOMPARE(dialog.url(), QStringLiteral("postgresql://eddie@localhost:5432/newsroom?story=desk"));
    // The window's File menu offers it right after Open.
    MainWindow w;
    QAction* open = w.findChild<QAction*>(QStringLiteral("openSharedAction"));
    QVERIFY(open);
}

void TestSharedWindow::editInOneWindowShowsInTheOther()
{
    REQUIRE_PG();
    auto one = window(QStringLiteral("stan"));
    auto two = window(QStringLiteral("eddie"));
    QVERIFY(one && two);
    QVERIFY(SharedSession::of(two->story()));
    const Id id = firstEvent(*one);
    QList<Change> heard;
    connect(two->story(), &Story::changed, this, [&heard](const Change& c) { heard << c; });

    Event e = *one->story()->store().event(id);
    QCOMPARE(titleShown(*two, id), e.title); // the table has read its rows
    e.title = QStringLiteral("Talks resume in Geneva — live");
    QElapsedTimer shown;
    shown.start();
    QVERIFY(EditGuard::push(one->story(), makeUpdate(one->story(), e)));
    // The other window's table shows it: one entry updated, the story not reloaded.
    QTRY_VERIFY_WITH_TIMEOUT(!heard.isEmpty(), 5000);
    qInfo("edit committed and shown in the other window after %lld ms", shown.elapsed());
    QCOMPARE(titleShown(*two, id), e.title);
    QCOMPARE(heard.size(), 1);
    QCOMPARE(heard.first().action, Change::Action::Updated);
    QCOMPARE(heard.first().kind, EntityKind::Event);
    QCOMPARE(heard.first().ids, QList<Id>{id});

    // A new event appears, in the other window's time index too.
    heard.clear();
    Event added;
    added.title = QStringLiteral("Ceasefire announced");
    added.date = PartialDate::fromEdtf(QStringLiteral("2025-12-01"));
    EditCommand* insert = makeInsert(one->story(), added);
    QVERIFY(EditGuard::push(one->story(), insert));
    const Id newId = insert->createdId(); // the stack owns it now
    QVERIFY(newId > 0);
    QTRY_VERIFY_WITH_TIMEOUT(two->story()->timeIndex().indexOf(newId) >= 0, 5000);
    QCOMPARE(titleShown(*two, newId), added.title);
    QCOMPARE(two->story()->timeIndex().size(), one->story()->timeIndex().size());
    QCOMPARE(heard.size(), 1);
    QCOMPARE(heard.first().action, Change::Action::Inserted);
    // An edit made outside Chronomap (psql, as the editor) reaches the window too: the
    // schema's triggers notify.
    heard.clear();
    bool ok = false;
    const QString out = m_pg->psql(
        QStringLiteral("UPDATE chronomap.events SET title = 'Edited with psql' WHERE story_id = "
                       "(SELECT id FROM chronomap.stories WHERE name = 'desk') AND id = %1")
            .arg(id),
        QStringLiteral("eddie"), &ok);
    QVERIFY2(ok, qPrintable(out));
    QTRY_VERIFY_WITH_TIMEOUT(!heard.isEmpty(), 5000);
    QCOMPARE(titleShown(*two, id), QStringLiteral("Edited with psql"));
    QCOMPARE(heard.first().action, Change::Action::Updated);
    // Undone in the first window: gone from the second.
    one->story()->undoStack()->undo();
    QTRY_VERIFY_WITH_TIMEOUT(two->story()->timeIndex().indexOf(newId) < 0, 5000);
    for (const Change& c : std::as_const(heard))
        QVERIFY(c.action != Change::Action::Reset);
}

void TestSharedWindow::conflictingSaveIsRefusedWithWhoAndWhen()
{
    REQUIRE_PG();
    auto mine = window(QStringLiteral("eddie"));
    auto theirs = window(QStringLiteral("stan"));
    QVERIFY(mine && theirs);
    const Id id = drafts(*mine).value(0);
    QVERIFY(id);
    // I begin editing the event's title...
    mine->selection()->setCurrent(EntityRef{EntityKind::Event, id});
    DetailsPanel* panel = mine->detailsPanel();
    panel->startEdit();
    QVERIFY(panel->isEditing());
    QLineEdit* title = panel->form()->titleEdit();
    QVERIFY(title);
    title->setText(QStringLiteral("My version of the title"));
    // ...while the standards editor changes it and saves first.
    Event e = *theirs->story()->store().event(id);
    e.title = QStringLiteral("Their version of the title");
    QVERIFY(EditGuard::push(theirs->story(), makeUpdate(theirs->story(), e)));
    QTRY_COMPARE_WITH_TIMEOUT(titleShown(*mine, id), e.title, 5000);
    // My form keeps what I typed.
    QVERIFY(panel->isEditing());
    QCOMPARE(title->text(), QStringLiteral("My version of the title"));
    // Saving is refused, naming who and when; nothing of theirs is overwritten.
    panel->saveEdit();
    QVERIFY(panel->isEditing());
    QVERIFY2(panel->problem().contains(QLatin1String("stan")), qPrintable(panel->problem()));
    QVERIFY2(panel->problem().contains(QLatin1String("UTC")), qPrintable(panel->problem()));
    QCOMPARE(theirs->story()->store().event(id)->title, e.title);
    auto* reload = panel->findChild<QPushButton*>(QStringLiteral("reloadButton"));
    QVERIFY(reload && reload->isVisibleTo(panel));
    // Reload Entry shows theirs; a save from there goes through.
    reload->click();
    QCOMPARE(panel->form()->titleEdit()->text(), e.title);
    panel->form()->titleEdit()->setText(QStringLiteral("Agreed title"));
    panel->saveEdit();
    QVERIFY2(!panel->isEditing(), qPrintable(panel->problem()));
    QTRY_COMPARE_WITH_TIMEOUT(titleShown(*theirs, id), QStringLiteral("Agreed title"), 5000);
}

void TestSharedWindow::undoRefusesToOverwriteANewerEdit()
{
    REQUIRE_PG();
    auto mine = window(QStringLiteral("eddie"));
    auto theirs = window(QStringLiteral("stan"));
    QVERIFY(mine && theirs);
    const Id id = drafts(*mine).value(drafts(*mine).size() - 1);
    QVERIFY(id);
    Event e = *mine->story()->store().event(id);
    const QString original = e.summary;
    e.summary = QStringLiteral("my summary");
    QVERIFY(EditGuard::push(mine->story(), makeUpdate(mine->story(), e)));
    QTRY_VERIFY_WITH_TIMEOUT(theirs->story()->store().event(id)->summary == e.summary, 5000);
    Event t = *theirs->story()->store().event(id);
    t.summary = QStringLiteral("their later summary");
    QVERIFY(EditGuard::push(theirs->story(), makeUpdate(theirs->story(), t)));
    QString refused;
    connect(EditGuard::of(mine->story()), &EditGuard::failed, this,
            [&refused](const QString& m) { refused = m; });
    mine->story()->undoStack()->undo();
    QVERIFY2(refused.contains(QLatin1String("stan")), qPrintable(refused));
    QCOMPARE(mine->story()->store().event(id)->summary, t.summary);
    QVERIFY(mine->story()->store().event(id)->summary != original);
}

void TestSharedWindow::roleGreysOutWhatItCannotDo()
{
    REQUIRE_PG();
    auto rob = window(QStringLiteral("rob"));
    QVERIFY(rob);
    SharedSession* session = SharedSession::of(rob->story());
    QVERIFY(session);
    QCOMPARE(session->role(), QStringLiteral("reporter"));
    // Pick a draft: the reporter may edit it, not clear, confirm or delete it.
    Id draftId = 0;
    for (const Event& e : rob->story()->store().events())
        if (e.status == Verification::Draft)
            draftId = e.id;
    QVERIFY(draftId);
    rob->selection()->setCurrent(EntityRef{EntityKind::Event, draftId});
    QAction* clear = rob->findChild<QAction*>(QStringLiteral("statusAction3"));
    QVERIFY(clear);
    QVERIFY(!clear->isEnabled());
    QCOMPARE(clear->toolTip(),
             QStringLiteral("Your role on this server is reporter; only standards can clear "
                            "entries"));
    QVERIFY(!rob->findChild<QAction*>(QStringLiteral("statusAction1"))->isEnabled());
    QVERIFY(rob->findChild<QAction*>(QStringLiteral("statusAction0"))->isEnabled());
    QVERIFY(!rob->findChild<QAction*>(QStringLiteral("deleteEntryAction"))->isEnabled());
    auto* combo = rob->findChild<QComboBox*>(QStringLiteral("statusCombo"));
    auto* items = qobject_cast<QStandardItemModel*>(combo->model());
    QVERIFY(items);
    QVERIFY(!items->item(3)->isEnabled());
    QVERIFY(items->item(3)->toolTip().contains(QLatin1String("only standards can clear")));
    QVERIFY(!rob->findChild<QPushButton*>(QStringLiteral("deleteButton"))->isEnabled());
    QVERIFY(rob->findChild<QPushButton*>(QStringLiteral("editButton"))->isEnabled());

    // The standards editor may do all of it.
    auto stan = window(QStringLiteral("stan"));
    QCOMPARE(SharedSession::of(stan->story())->role(), QStringLiteral("standards"));
    stan->selection()->setCurrent(EntityRef{EntityKind::Event, draftId});
    QVERIFY(stan->findChild<QAction*>(QStringLiteral("statusAction3"))->isEnabled());
    QVERIFY(stan->findChild<QAction*>(QStringLiteral("deleteEntryAction"))->isEnabled());
    // The editor may edit but not delete, also after saving an edit (the panel enables its
    // buttons again on its own).
    auto eddie = window(QStringLiteral("eddie"));
    eddie->selection()->setCurrent(EntityRef{EntityKind::Event, draftId});
    eddie->detailsPanel()->startEdit();
    eddie->detailsPanel()->form()->titleEdit()->setText(QStringLiteral("Edited by the editor"));
    eddie->detailsPanel()->saveEdit();
    QVERIFY(!eddie->detailsPanel()->isEditing());
    auto* eddieDelete = eddie->findChild<QPushButton*>(QStringLiteral("deleteButton"));
    QTRY_VERIFY(!eddieDelete->isEnabled());
    QVERIFY(eddieDelete->toolTip().contains(QLatin1String("only standards can delete")));
    // The viewer reads only.
    auto vera = window(QStringLiteral("vera"));
    QCOMPARE(SharedSession::of(vera->story())->role(), QStringLiteral("viewer"));
    vera->selection()->setCurrent(EntityRef{EntityKind::Event, draftId});
    QVERIFY(!vera->findChild<QAction*>(QStringLiteral("editEntryAction"))->isEnabled());
    QVERIFY(!vera->findChild<QPushButton*>(QStringLiteral("editButton"))->isEnabled());
    QVERIFY(vera->findChild<QPushButton*>(QStringLiteral("editButton"))
                ->toolTip()
                .contains(QLatin1String("viewer")));
}

void TestSharedWindow::serverKilledMidEditGoesOfflineAndBack()
{
    REQUIRE_PG();
    auto w = window(QStringLiteral("eddie"));
    QVERIFY(w);
    SharedSession* session = SharedSession::of(w->story());
    const qint64 before = w->story()->store().counts().events;
    const Id id = drafts(*w).value(drafts(*w).size() - 1);
    QVERIFY(id);
    w->selection()->setCurrent(EntityRef{EntityKind::Event, id});
    DetailsPanel* panel = w->detailsPanel();
    panel->startEdit();
    panel->form()->titleEdit()->setText(QStringLiteral("Typed while the server died"));

    QVERIFY(m_pg->killAndRestart());
    // The window notices (its heartbeat, or at once when asked) and says so.
    session->poll();
    if (session->isOnline())
        QTRY_VERIFY_WITH_TIMEOUT(!session->isOnline(), 15000);
    auto* banner = w->findChild<QLabel*>(QStringLiteral("offlineBanner"));
    QVERIFY(banner);
    QVERIFY(banner->isVisibleTo(w.get()));
    QVERIFY2(banner->text().startsWith(QLatin1String("Offline")), qPrintable(banner->text()));
    QVERIFY(!w->findChild<QComboBox*>(QStringLiteral("statusCombo"))->isEnabled());
    QVERIFY(!w->findChild<QAction*>(QStringLiteral("statusAction1"))->isEnabled());
    // What was typed is still there, and the window reconnects by itself.
    QVERIFY(panel->isEditing());
    QCOMPARE(panel->form()->titleEdit()->text(), QStringLiteral("Typed while the server died"));
    QTRY_VERIFY_WITH_TIMEOUT(session->isOnline(), 20000);
    QVERIFY(!banner->isVisibleTo(w.get()));
    // What was greyed out while offline works again.
    QVERIFY(w->findChild<QComboBox*>(QStringLiteral("statusCombo"))->isEnabled());
    QVERIFY(w->findChild<QAction*>(QStringLiteral("statusAction1"))->isEnabled());
    QVERIFY(panel->isEditing());
    QCOMPARE(panel->form()->titleEdit()->text(), QStringLiteral("Typed while the server died"));
    // Nothing committed was lost, and the save now goes through.
    QCOMPARE(w->story()->store().counts().events, before);
    panel->saveEdit();
    QVERIFY2(!panel->isEditing(), qPrintable(panel->problem()));
    auto check = PgStore::openUrl(m_pg->url(kStory), Store::Mode::ReadOnly);
    QCOMPARE(check->event(id)->title, QStringLiteral("Typed while the server died"));
}

namespace {
QStringList g_log;
void keepLog(QtMsgType, const QMessageLogContext&, const QString& message)
{
    g_log << message;
}
} // namespace

void TestSharedWindow::passwordAppearsNowhere()
{
    REQUIRE_PG();
    const QString secret = QStringLiteral("Sw0rdf1sh-pw");
    QVERIFY(m_pg->requirePassword(QStringLiteral("paula"), secret));
    {
        auto admin = PgStore::openUrl(m_pg->url(kStory), Store::Mode::ReadWrite);
        admin->grantRole(QStringLiteral("paula"), QStringLiteral("editor"));
    }
    // The server asks (once pg_hba.conf is read again); the window's prompt answers.
    int asked = 0;
    MainWindow first; // installs the window's prompt; the test's replaces it
    PgConnection::setPasswordPrompt([&asked, secret](const QString& display) {
        ++asked;
        return display.contains(secret) ? QString() : secret;
    });
    // (A loop, not QTRY: each try may connect, and QTRY evaluates once more at the end.)
    for (int i = 0; i < 200 && asked == 0; ++i) {
        try {
            PgStore::openUrl(m_pg->url(kStory, QStringLiteral("paula")), Store::Mode::ReadOnly);
        } catch (const StoreError&) {
        }
        if (asked == 0)
            QTest::qWait(50);
    }
    QCOMPARE(asked, 1);
    QSettings().clear();
    g_log.clear();
    QtMessageHandler old = qInstallMessageHandler(keepLog);
    auto w = std::make_unique<MainWindow>();
    const bool opened = w->openStory(m_pg->url(kStory, QStringLiteral("paula")));
    // Another window on the same address (and the map's reader on its thread) uses what was
    // typed, without asking again.
    const int askedOnce = asked;
    auto again = std::make_unique<MainWindow>();
    QVERIFY(again->openStory(m_pg->url(kStory, QStringLiteral("paula"))));
    QCOMPARE(asked, askedOnce);
    // A second window, with the password written into the address itself.
    auto w2 = std::make_unique<MainWindow>();
    const bool opened2 = w2->openStory(m_pg->url(kStory, QStringLiteral("paula")) +
                                       QStringLiteral("&password=") + secret);
    // A wrong password is refused without repeating it.
    PgConnection::setPasswordPrompt([](const QString&) { return QStringLiteral("wrong-pw-x"); });
    auto w3 = std::make_unique<MainWindow>(); // another address: not the password typed above
    w3->openStory(m_pg->url(kStory, QStringLiteral("paula")) +
                  QStringLiteral("&connect_timeout=9"));
    qInstallMessageHandler(old);
    QVERIFY(opened);
    QVERIFY(opened2);
    QCOMPARE(SharedSession::of(w->story())->role(), QStringLiteral("editor"));

    QStringList shown = g_log;
    for (MainWindow* m : {w.get(), w2.get(), w3.get(), again.get()})
        shown << m->windowTitle() << m->windowFilePath() << m->statusBar()->currentMessage()
              << (m->story() ? m->story()->path() : QString());
    QSettings settings;
    for (const QString& key : settings.allKeys())
        shown << key << settings.value(key).toString() << settings.value(key).toStringList();
    shown << Preferences::recentFiles();
    QVERIFY(!Preferences::recentFiles().isEmpty());
    QVERIFY(Preferences::recentFiles().first().contains(QLatin1String("story=desk")));
    for (const QString& s : std::as_const(shown)) {
        QVERIFY2(!s.contains(secret), qPrintable(s));
        QVERIFY2(!s.contains(QLatin1String("wrong-pw-x")), qPrintable(s));
    }
    // The refusal of the wrong password was said (in the log, on the offscreen platform).
    QVERIFY(std::any_of(g_log.cbegin(), g_log.cend(),
                        [](const QString& m) { return m.contains(QLatin1String("paula")); }));
}

// Issue 15 §6 (schema 3): a reporter's undo of their own new draft deletes it; someone else's
// draft, or raw SQL against it, is still refused.
void TestSharedWindow::reporterTakesBackOwnDraft()
{
    REQUIRE_PG();
    bool ok = false;
    auto rob = window(QStringLiteral("rob"));
    auto eddie = window(QStringLiteral("eddie"));
    QVERIFY(rob && eddie);
    Event mine;
    mine.title = QStringLiteral("Rob's new lead");
    mine.date = PartialDate::fromEdtf(QStringLiteral("2025-12-02"));
    EditCommand* add = makeInsert(rob->story(), mine);
    QVERIFY(EditGuard::push(rob->story(), add));
    const Id id = add->createdId();
    QTRY_VERIFY_WITH_TIMEOUT(eddie->story()->timeIndex().indexOf(id) >= 0, 5000);
    QString refused;
    connect(EditGuard::of(rob->story()), &EditGuard::failed, this,
            [&refused](const QString& m) { refused = m; });
    rob->story()->undoStack()->undo();
    QVERIFY2(refused.isEmpty(), qPrintable(refused));
    QVERIFY(!rob->story()->store().event(id));
    QTRY_VERIFY_WITH_TIMEOUT(eddie->story()->timeIndex().indexOf(id) < 0, 5000);

    // Eddie's draft is not Rob's to delete, neither by the window nor by psql.
    Event theirs;
    theirs.title = QStringLiteral("Eddie's draft");
    theirs.date = PartialDate::fromEdtf(QStringLiteral("2025-12-03"));
    EditCommand* eddieAdd = makeInsert(eddie->story(), theirs);
    QVERIFY(EditGuard::push(eddie->story(), eddieAdd));
    const Id theirId = eddieAdd->createdId();
    const QString sql = QStringLiteral("DELETE FROM chronomap.events WHERE story_id = (SELECT id "
                                       "FROM chronomap.stories WHERE name = 'desk') AND id = %1")
                            .arg(theirId);
    m_pg->psql(sql, QStringLiteral("rob"), &ok);
    QVERIFY(ok); // row-level security hides the row from the DELETE: nothing happens
    QVERIFY(eddie->story()->store().event(theirId));
    // Nor can Rob claim it by writing its creator.
    m_pg->psql(QStringLiteral("UPDATE chronomap.events SET created_by = 'rob' WHERE id = %1 AND "
                              "story_id = (SELECT id FROM chronomap.stories WHERE name = 'desk')")
                   .arg(theirId),
               QStringLiteral("rob"), &ok);
    m_pg->psql(sql, QStringLiteral("rob"), &ok);
    QVERIFY(eddie->story()->store().event(theirId));
}

// Issue 15 §7: reconnecting never blocks the window. A try to a server that accepts and says
// nothing goes on while the event loop turns and the user types, is given up after its time,
// and the window comes back by itself once the real server is up again.
void TestSharedWindow::reconnectNeverBlocksTheWindow()
{
    REQUIRE_PG();
    auto w = window(QStringLiteral("eddie"));
    QVERIFY(w);
    SharedSession* session = SharedSession::of(w->story());
    QVERIFY(session);
    const Id id = drafts(*w).value(0);
    QVERIFY(id);
    w->selection()->setCurrent(EntityRef{EntityKind::Event, id});
    DetailsPanel* panel = w->detailsPanel();
    panel->startEdit();
    QLineEdit* title = panel->form()->titleEdit();
    title->setText(QStringLiteral("Typed"));

    QVERIFY(m_pg->kill());
    session->poll();
    QTRY_VERIFY_WITH_TIMEOUT(!session->isOnline(), 15000);
    // In the server's place, a listener that accepts and never answers: a hung server, or a
    // host whose firewall lets the connection in and then drops everything.
    SilentServer silent(m_pg->socketPath());
    QVERIFY(silent.isListening());
    // A try that began before the listener was refused at once; the next one goes to it.
    QTRY_VERIFY_WITH_TIMEOUT(!session->isReconnecting(), 15000);
    const int before = session->tries();
    session->retryNow();
    // retryNow() came back at once: the try goes on in the event loop.
    QVERIFY(session->isReconnecting());
    QCOMPARE(session->tries(), before + 1);
    auto* banner = w->findChild<QLabel*>(QStringLiteral("offlineBanner"));
    QVERIFY(banner && banner->isVisibleTo(w.get()));
    QVERIFY2(banner->text().startsWith(
                 QStringLiteral("Offline — reconnecting (try %1)…").arg(before + 1)),
             qPrintable(banner->text()));
    // The event loop turns while the silent server holds the try: a timer keeps ticking.
    int ticks = 0;
    QTimer ticker;
    ticker.setInterval(10);
    connect(&ticker, &QTimer::timeout, this, [&ticks] { ++ticks; });
    ticker.start();
    QTRY_VERIFY_WITH_TIMEOUT(silent.accepted() > 0 && ticks >= 20, 4000);
    QVERIFY(session->isReconnecting());
    QCOMPARE(session->tries(), before + 1);
    // And the user keeps typing.
    QTest::keyClicks(title, QStringLiteral(" while offline"));
    QCOMPARE(title->text(), QStringLiteral("Typed while offline"));
    // The try is given up after its time; the window stays offline and says so.
    QTRY_VERIFY_WITH_TIMEOUT(session->tries() > before + 1 || !session->isReconnecting(), 20000);
    QVERIFY(!session->isOnline());
    QVERIFY(banner->isVisibleTo(w.get()));
    QVERIFY2(banner->text().startsWith(QStringLiteral("Offline — reconnecting (try ")),
             qPrintable(banner->text()));

    // The real server comes back: the window reconnects, with what was typed still there.
    silent.close(); // the held try sees the end
    QVERIFY(m_pg->restart());
    QTRY_VERIFY_WITH_TIMEOUT((session->retryNow(), session->isOnline()), 30000);
    QVERIFY(ticks > 20);
    QVERIFY(!banner->isVisibleTo(w.get()));
    QVERIFY(panel->isEditing());
    QCOMPARE(title->text(), QStringLiteral("Typed while offline"));
    panel->saveEdit();
    QVERIFY2(!panel->isEditing(), qPrintable(panel->problem()));
    auto check = PgStore::openUrl(m_pg->url(kStory), Store::Mode::ReadOnly);
    QCOMPARE(check->event(id)->title, QStringLiteral("Typed while offline"));
}

// Every control that writes, by its id: greyed with the reason while offline, and back as the
// role allows (and as the window itself wants it) once online again.
void TestSharedWindow::writingActionsGreyedOfflineWithWhy()
{
    REQUIRE_PG();
    auto w = window(QStringLiteral("eddie"));
    QVERIFY(w);
    SharedSession* session = SharedSession::of(w->story());
    const Id id = drafts(*w).value(1);
    const Id otherDraft = drafts(*w).value(0);
    QVERIFY(id && otherDraft);
    w->selection()->setCurrent(EntityRef{EntityKind::Event, id});
    // An edit of the editor's own, so that Undo has something to take back (Redo has not).
    Event e = *w->story()->store().event(id);
    e.summary = QStringLiteral("Checked against the wire copy");
    QVERIFY(EditGuard::push(w->story(), makeUpdate(w->story(), e)));
    w->selection()->setCurrent(EntityRef{EntityKind::Event, id});

    const QStringList ids = {
        QStringLiteral("newEventAction"),    QStringLiteral("newActorAction"),
        QStringLiteral("newRelationAction"), QStringLiteral("newSourceAction"),
        QStringLiteral("citeAction"),        QStringLiteral("noteAction"),
        QStringLiteral("importAction"),      QStringLiteral("undoAction"),
        QStringLiteral("redoAction"),        QStringLiteral("editEntryAction"),
        QStringLiteral("deleteEntryAction"), QStringLiteral("statusAction0"),
        QStringLiteral("statusAction1"),     QStringLiteral("statusAction2"),
        QStringLiteral("statusAction3"),     QStringLiteral("addScene"),
        QStringLiteral("updateScene"),       QStringLiteral("renameScene"),
        QStringLiteral("editSceneCaption"),  QStringLiteral("sceneUp"),
        QStringLiteral("sceneDown"),         QStringLiteral("deleteScene"),
        QStringLiteral("unpinActorAction"),  QStringLiteral("editButton"),
        QStringLiteral("statusCombo"),       QStringLiteral("noteButton"),
        QStringLiteral("citeButton"),        QStringLiteral("correctionNoteButton"),
        QStringLiteral("attributesButton"),  QStringLiteral("deleteButton")};
    struct Seen
    {
        bool enabled;
        QString tip;
    };
    auto look = [&w](const QString& objectId) -> std::optional<Seen> {
        QObject* o = w->findChild<QObject*>(objectId);
        if (!o)
            return std::nullopt;
        return Seen{o->property("enabled").toBool(), o->property("toolTip").toString()};
    };
    QHash<QString, Seen> online;
    for (const QString& objectId : ids) {
        const auto seen = look(objectId);
        QVERIFY2(seen, qPrintable(objectId + QStringLiteral(" is not in the window")));
        online.insert(objectId, *seen);
    }
    // Every action of the Entry menu is among them.
    for (QAction* a : w->findChild<QMenu*>(QStringLiteral("entryMenu"))->actions())
        QVERIFY2(a->isSeparator() || ids.contains(a->objectName()), qPrintable(a->text()));
    // Online, the editor's role decides: no clearing, no deleting; writing otherwise.
    QVERIFY(!online[QStringLiteral("statusAction3")].enabled);
    QVERIFY(!online[QStringLiteral("deleteEntryAction")].enabled);
    QVERIFY(online[QStringLiteral("deleteEntryAction")].tip.contains(
        QLatin1String("only standards can delete")));
    for (const char* writes :
         {"newEventAction", "noteAction", "citeAction", "noteButton", "citeButton",
          "attributesButton", "undoAction", "statusAction1", "editButton", "importAction"})
        QVERIFY2(online[QLatin1String(writes)].enabled, writes);
    QVERIFY(!online[QStringLiteral("redoAction")].enabled);

    QVERIFY(m_pg->kill());
    session->poll();
    QTRY_VERIFY_WITH_TIMEOUT(!session->isOnline(), 15000);
    for (const QString& objectId : ids) {
        for (QObject* o : w->findChildren<QObject*>(objectId)) {
            QVERIFY2(!o->property("enabled").toBool(), qPrintable(objectId));
            QVERIFY2(!o->property("toolTip").toString().isEmpty(), qPrintable(objectId));
        }
    }
    QCOMPARE(w->findChild<QAction*>(QStringLiteral("noteAction"))->toolTip(),
             session->whyNotEdit());
    QVERIFY(session->whyNotEdit().startsWith(QLatin1String("Offline")));
    // The details panel enabling its buttons on its own (a new current entry) changes nothing.
    w->selection()->setCurrent(EntityRef{EntityKind::Event, otherDraft});
    w->selection()->setCurrent(EntityRef{EntityKind::Event, id});
    QTRY_VERIFY(!w->findChild<QPushButton*>(QStringLiteral("noteButton"))->isEnabled());
    QVERIFY(!w->findChild<QAction*>(QStringLiteral("newEventAction"))->isEnabled());

    QVERIFY(m_pg->restart());
    QTRY_VERIFY_WITH_TIMEOUT((session->retryNow(), session->isOnline()), 30000);
    QCoreApplication::processEvents(); // the narrowing queued by the window's own enabling
    for (const QString& objectId : ids) {
        const auto seen = look(objectId);
        QVERIFY(seen);
        QVERIFY2(seen->enabled == online[objectId].enabled, qPrintable(objectId));
        QVERIFY2(
            seen->tip == online[objectId].tip,
            qPrintable(objectId + u' ' + seen->tip + QStringLiteral(" / ") + online[objectId].tip));
    }
}

// Issue 15 §4: another session's edits of one entry may come in one look (an insert and an
// update, an insert and a delete). What the window does follows what it has and what the
// server has now: an update of an entry it does not have is an insert, and a delete of one it
// never had is nothing.
void TestSharedWindow::coalescedOutsideChangesFollowWhatTheServerHas()
{
    REQUIRE_PG();
    auto w = window(QStringLiteral("eddie"));
    QVERIFY(w);
    auto other =
        PgStore::openUrl(m_pg->url(kStory, QStringLiteral("stan")), Store::Mode::ReadWrite);
    QList<Change> heard;
    connect(w->story(), &Story::changed, this, [&heard](const Change& c) { heard << c; });
    // One transaction each, so that its notes arrive together, as a burst of edits within a
    // second does.
    Actor actor;
    actor.name = QStringLiteral("Special envoy");
    Event event;
    event.title = QStringLiteral("Envoy lands");
    event.date = PartialDate::fromEdtf(QStringLiteral("2025-11-24"));
    Event fleeting;
    fleeting.title = QStringLiteral("Posted in error");
    fleeting.date = PartialDate::fromEdtf(QStringLiteral("2025-11-25"));
    Id actorId = 0, eventId = 0, fleetingId = 0;
    {
        Store::Transaction tx(*other);
        actorId = other->insertActor(actor);
        actor.id = actorId;
        actor.name = QStringLiteral("Special envoy Witkoff");
        other->updateActor(actor);
        eventId = other->insertEvent(event);
        event.id = eventId;
        event.title = QStringLiteral("Envoy lands in Moscow");
        other->updateEvent(event);
        fleetingId = other->insertEvent(fleeting);
        other->deleteEvent(fleetingId);
        tx.commit();
    }
    QTRY_VERIFY_WITH_TIMEOUT(w->story()->timeIndex().indexOf(eventId) >= 0, 5000);
    auto mentions = [&heard](Change::Action action, EntityKind kind, Id id) {
        return std::any_of(heard.cbegin(), heard.cend(), [&](const Change& c) {
            return c.action == action && c.kind == kind && c.ids.contains(id);
        });
    };
    QTRY_VERIFY_WITH_TIMEOUT(mentions(Change::Action::Inserted, EntityKind::Actor, actorId), 5000);
    QVERIFY(!mentions(Change::Action::Updated, EntityKind::Actor, actorId));
    QVERIFY(mentions(Change::Action::Inserted, EntityKind::Event, eventId));
    QVERIFY(!mentions(Change::Action::Updated, EntityKind::Event, eventId));
    for (const Change& c : std::as_const(heard))
        QVERIFY2(!c.ids.contains(fleetingId) || c.kind != EntityKind::Event, "fleeting event");
    // The map places the new actor under its latest name, the table shows the latest title.
    ActorMapChart* map = w->actorMap()->chart();
    QTRY_VERIFY_WITH_TIMEOUT(map->nodeOf(actorId) >= 0, 10000);
    QCOMPARE(map->actors()[map->nodeOf(actorId)].name, QStringLiteral("Special envoy Witkoff"));
    QTRY_COMPARE_WITH_TIMEOUT(titleShown(*w, eventId), QStringLiteral("Envoy lands in Moscow"),
                              5000);

    // Now known: a later update is an update, a delete a removal.
    heard.clear();
    {
        Store::Transaction tx(*other);
        actor.name = QStringLiteral("US special envoy");
        other->updateActor(actor);
        other->deleteEvent(eventId);
        tx.commit();
    }
    QTRY_VERIFY_WITH_TIMEOUT(mentions(Change::Action::Removed, EntityKind::Event, eventId), 5000);
    QTRY_VERIFY_WITH_TIMEOUT(mentions(Change::Action::Updated, EntityKind::Actor, actorId), 5000);
    QVERIFY(!mentions(Change::Action::Inserted, EntityKind::Actor, actorId));
}

QTEST_MAIN(TestSharedWindow)
#include "tst_sharedwindow.moc"
