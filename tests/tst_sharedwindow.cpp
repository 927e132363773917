// The window on a shared story (PostgreSQL): two windows follow each other's edits entry by
// entry, a save over someone else's newer change is refused naming who and when, the role the
// server gives greys out what it does not allow, a server killed and restarted mid-edit leaves
// the window offline and then back with nothing lost, and the password appears nowhere.
#include "pgcluster.h"

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
#include <QPushButton>
#include <QSettings>
#include <QStandardItemModel>
#include <QStatusBar>
#include <QTableView>
#include <QTest>
#include <QUndoStack>

using namespace chronomap;
using namespace chronomap::testing;

class TestSharedWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void openDialogBuildsTheAddress();
    void editInOneWindowShowsInTheOther();
    void conflictingSaveIsRefusedWithWhoAndWhen();
    void undoRefusesToOverwriteANewerEdit();
    void roleGreysOutWhatItCannotDo();
    void serverKilledMidEditGoesOfflineAndBack();
    void passwordAppearsNowhere();
    void reporterTakesBackOwnDraft();

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

QTEST_MAIN(TestSharedWindow)
#include "tst_sharedwindow.moc"
