#include "sharedsession.h"

#include "edit/editcommand.h"
#include "mainwindow.h"
#include "query/selection.h"
#include "store/postgres/pgstore.h"
#include "story/story.h"

#include <QAction>
#include <QComboBox>
#include <QEvent>
#include <QLabel>
#include <QMainWindow>
#include <QMenu>
#include <QPushButton>
#include <QSocketNotifier>
#include <QStandardItemModel>
#include <QStatusBar>
#include <QTimer>
#include <QVBoxLayout>

namespace chronomap {

namespace {

// The first retry comes soon (a restart takes a second or two), then less and less often.
constexpr int kFirstRetryMs = 500;
constexpr int kLongestRetryMs = 15000;
// How often an idle connection is asked whether the server is still there (a network that
// drops without closing the connection says nothing otherwise).
constexpr int kHeartbeatMs = 5000;

int rank(const QString& role)
{
    static const QStringList order = {QStringLiteral("viewer"), QStringLiteral("reporter"),
                                      QStringLiteral("editor"), QStringLiteral("standards"),
                                      QStringLiteral("owner")};
    return int(order.indexOf(role)); // -1: no role
}

} // namespace

SharedSession* SharedSession::install(QMainWindow& window, Story* story)
{
    auto* store = story ? dynamic_cast<PgStore*>(&story->store()) : nullptr;
    if (!store)
        return nullptr;
    return new SharedSession(window, story, store);
}

SharedSession* SharedSession::of(const Story* story)
{
    return story ? story->findChild<SharedSession*>(QString(), Qt::FindDirectChildrenOnly)
                 : nullptr;
}

SharedSession::SharedSession(QMainWindow& window, Story* story, PgStore* store)
    : QObject(story), m_window(&window), m_story(story), m_store(store)
{
    try {
        m_role = store->role();
    } catch (const StoreError&) {
        m_role.clear(); // the server will say no to what is not allowed
    }

    // The banner sits above the charts, hidden while the server answers.
    QWidget* central = window.takeCentralWidget();
    auto* frame = new QWidget;
    frame->setObjectName(QStringLiteral("sharedFrame"));
    auto* layout = new QVBoxLayout(frame);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    m_banner = new QLabel(frame);
    m_banner->setObjectName(QStringLiteral("offlineBanner"));
    m_banner->setTextFormat(Qt::PlainText);
    m_banner->setWordWrap(true);
    m_banner->setContentsMargins(10, 6, 10, 6);
    m_banner->setAutoFillBackground(true);
    m_banner->setBackgroundRole(QPalette::ToolTipBase);
    m_banner->setForegroundRole(QPalette::ToolTipText);
    m_banner->setAccessibleName(tr("Offline"));
    m_banner->hide();
    layout->addWidget(m_banner);
    if (central)
        layout->addWidget(central, 1);
    window.setCentralWidget(frame);

    m_retry = new QTimer(this);
    m_retry->setSingleShot(true);
    connect(m_retry, &QTimer::timeout, this, &SharedSession::tryReconnect);
    m_tryTimer = new QTimer(this);
    m_tryTimer->setSingleShot(true);
    connect(m_tryTimer, &QTimer::timeout, this, &SharedSession::tryFailed);
    m_heartbeat = new QTimer(this);
    m_heartbeat->setInterval(kHeartbeatMs);
    connect(m_heartbeat, &QTimer::timeout, this, &SharedSession::checkAlive);
    m_heartbeat->start();
    watchSocket();

    // A notification that came while this window was writing waits in libpq's buffer, where
    // the socket does not show it: look right after every change.
    connect(story, &Story::changed, this, [this] {
        QMetaObject::invokeMethod(this, &SharedSession::poll, Qt::QueuedConnection);
    });
    // A write refused because the server went away: say so now, not at the next heartbeat.
    connect(EditGuard::of(story), &EditGuard::failed, this, [this] {
        QMetaObject::invokeMethod(this, &SharedSession::checkAlive, Qt::QueuedConnection);
    });
    // The window enables its actions on each selection and change; the role then narrows
    // them (these connections come after the window's, so they run after).
    if (auto* main = qobject_cast<MainWindow*>(&window)) {
        if (main->selection())
            connect(main->selection(), &Selection::currentChanged, this, &SharedSession::applyRole);
    }
    connect(story, &Story::changed, this, &SharedSession::applyRole);
    applyRole();
    if (!m_role.isEmpty() && window.statusBar())
        window.statusBar()->showMessage(
            tr("Shared story: you work as %1 (%2)").arg(store->databaseUser(), m_role), 8000);
}

void SharedSession::watchSocket()
{
    delete m_notifier;
    m_notifier = nullptr;
    const int fd = m_store->socket();
    if (fd < 0)
        return;
    m_notifier = new QSocketNotifier(qintptr(fd), QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &SharedSession::poll);
}

void SharedSession::poll()
{
    if (!m_online)
        return;
    try {
        m_story->followOutside();
    } catch (const StoreError& e) {
        if (!m_store->isConnected())
            goOffline(e.message());
        return;
    }
    // A closed connection reads as "readable": libpq has just marked it gone.
    if (!m_store->isConnected())
        goOffline(QString());
}

void SharedSession::checkAlive()
{
    if (!m_online)
        return;
    if (!m_store->ping())
        goOffline(QString());
    else
        poll();
}

void SharedSession::goOffline(const QString& why)
{
    Q_UNUSED(why); // the server's words may name the host; the banner says it plainly
    if (!m_online)
        return;
    m_online = false;
    delete m_notifier; // a dead socket stays readable: no more wake-ups from it
    m_notifier = nullptr;
    m_delayMs = kFirstRetryMs;
    m_tries = 0;
    showBanner(bannerText());
    m_retry->start(m_delayMs);
    applyRole();
    emit onlineChanged(false);
}

QString SharedSession::bannerText() const
{
    if (m_online)
        return {};
    const QString state = m_reconnecting ? tr("Offline — reconnecting (try %1)…").arg(m_tries)
                                         : tr("Offline — reconnecting (try %1 in %2 s)…")
                                               .arg(m_tries + 1)
                                               .arg(qMax(1, (m_delayMs + 999) / 1000));
    return state + u' ' +
           tr("The server of this shared story (%1) does not answer. What you are typing stays "
              "in the window, and nothing that was saved is lost.")
               .arg(m_store->path());
}

void SharedSession::retryNow()
{
    if (m_online || m_reconnecting)
        return;
    m_retry->stop();
    tryReconnect();
}

void SharedSession::tryReconnect()
{
    if (m_online || m_reconnecting)
        return;
    ++m_tries;
    m_reconnecting = true;
    showBanner(bannerText());
    m_tryTimer->start(m_tryTimeoutMs);
    follow(m_store->beginReconnect());
}

void SharedSession::follow(PgConnection::Poll state)
{
    if (m_tryNotifier) {
        // This may run inside the notifier's own signal: it goes when the event loop is back.
        m_tryNotifier->setEnabled(false);
        m_tryNotifier->deleteLater();
        m_tryNotifier = nullptr;
    }
    if (!m_reconnecting)
        return; // the try was given up meanwhile
    switch (state) {
    case PgConnection::Poll::Read:
    case PgConnection::Poll::Write: {
        const int fd = m_store->reconnectSocket();
        if (fd < 0) {
            tryFailed();
            return;
        }
        m_tryNotifier = new QSocketNotifier(
            qintptr(fd),
            state == PgConnection::Poll::Read ? QSocketNotifier::Read : QSocketNotifier::Write,
            this);
        connect(m_tryNotifier, &QSocketNotifier::activated, this,
                [this] { follow(m_store->continueReconnect()); });
        return;
    }
    case PgConnection::Poll::Done:
        cameBack();
        return;
    case PgConnection::Poll::Failed:
        tryFailed();
        return;
    }
}

void SharedSession::tryFailed()
{
    if (!m_reconnecting)
        return;
    m_tryTimer->stop();
    if (m_tryNotifier) {
        m_tryNotifier->setEnabled(false);
        m_tryNotifier->deleteLater();
        m_tryNotifier = nullptr;
    }
    m_store->abandonReconnect();
    m_reconnecting = false;
    m_delayMs = m_tries <= 1 ? kFirstRetryMs : qMin(m_delayMs * 2, kLongestRetryMs);
    showBanner(bannerText());
    m_retry->start(m_delayMs);
}

void SharedSession::cameBack()
{
    m_tryTimer->stop();
    m_reconnecting = false;
    m_online = true;
    watchSocket();
    showBanner(QString());
    // Notifications sent while away are lost: the story is read again, entries being
    // edited stay as typed (the details panel keeps its form).
    try {
        m_story->followOutside();
    } catch (const StoreError&) {
    }
    applyRole();
    if (m_window && m_window->statusBar())
        m_window->statusBar()->showMessage(tr("Back online: the story was read again"), 5000);
    emit onlineChanged(true);
}

void SharedSession::showBanner(const QString& text)
{
    if (!m_banner)
        return;
    m_banner->setText(text);
    m_banner->setVisible(!text.isEmpty());
}

QString SharedSession::whyNotEdit() const
{
    if (!m_online)
        return tr("Offline: reconnecting to the server");
    if (rank(m_role) < 0)
        return tr("You hold no Chronomap role on this server; ask its administrator for one");
    if (rank(m_role) < rank(QStringLiteral("reporter")))
        return tr("Your role on this server is %1; viewers read only").arg(m_role);
    return {};
}

QString SharedSession::whyNotStatus(Verification status) const
{
    if (const QString why = whyNotEdit(); !why.isEmpty())
        return why;
    if (status == Verification::Cleared && rank(m_role) < rank(QStringLiteral("standards")))
        return tr("Your role on this server is %1; only standards can clear entries").arg(m_role);
    if ((status == Verification::Confirmed || status == Verification::Disputed) &&
        rank(m_role) < rank(QStringLiteral("editor")))
        return tr("Your role on this server is %1; only editors and standards can confirm or "
                  "dispute entries")
            .arg(m_role);
    return {};
}

QString SharedSession::whyNotDelete() const
{
    if (const QString why = whyNotEdit(); !why.isEmpty())
        return why;
    if (rank(m_role) < rank(QStringLiteral("standards")))
        return tr("Your role on this server is %1; only standards can delete entries").arg(m_role);
    return {};
}

namespace {

// What the session keeps on each control it narrows (as properties, so that a control made
// later, such as a context menu's, needs nothing else).
constexpr const char* kGated = "chronomapGated";   // disabled by this session
constexpr const char* kWanted = "chronomapWanted"; // enabled as its owner last wanted it
constexpr const char* kOwnTip = "chronomapOwnTip"; // its owner's tooltip
constexpr const char* kWhy = "chronomapWhy";       // the reason shown instead

} // namespace

bool SharedSession::eventFilter(QObject* watched, QEvent* event)
{
    // Its owner enabled a control this session holds disabled (the details panel after a
    // save, the form once valid): remember that, and narrow it again.
    if (event->type() == QEvent::EnabledChange && static_cast<QWidget*>(watched)->isEnabled())
        ownerEnabled(watched);
    return QObject::eventFilter(watched, event);
}

void SharedSession::ownerEnabled(QObject* control)
{
    if (!control->property(kGated).toBool())
        return;
    control->setProperty(kWanted, true);
    QMetaObject::invokeMethod(this, &SharedSession::applyRole, Qt::QueuedConnection);
}

void SharedSession::gate(QObject* control, const QString& why)
{
    if (!control)
        return;
    if (!control->property("chronomapWatched").toBool()) {
        control->setProperty("chronomapWatched", true);
        if (control->isWidgetType())
            control->installEventFilter(this);
        else if (auto* action = qobject_cast<QAction*>(control))
            connect(action, &QAction::enabledChanged, this, [this, action](bool on) {
                if (on)
                    ownerEnabled(action);
            });
    }
    // The owner's tip as it is now, unless what shows is this session's reason (the owner may
    // have changed its tip meanwhile, as Undo does after each edit).
    const QString shownWhy = control->property(kWhy).toString();
    const QString tip = control->property("toolTip").toString();
    if (shownWhy.isEmpty() || tip != shownWhy)
        control->setProperty(kOwnTip, tip);
    if (!why.isEmpty()) {
        if (!control->property(kGated).toBool()) {
            control->setProperty(kWanted, control->property("enabled"));
            control->setProperty(kGated, true);
        }
        control->setProperty("enabled", false);
        control->setProperty("toolTip", why);
        control->setProperty(kWhy, why);
        return;
    }
    // Allowed again: as its owner last wanted it, with its own tip.
    if (control->property(kGated).toBool()) {
        control->setProperty(kGated, false);
        control->setProperty("enabled", control->property(kWanted));
    }
    if (!shownWhy.isEmpty()) {
        control->setProperty("toolTip", control->property(kOwnTip));
        control->setProperty(kWhy, QString());
    }
}

QStringList SharedSession::writingActionIds()
{
    // Every control that writes, by its id. Statuses, editing and deleting have rules of
    // their own (applyRole); these need the right to edit at all.
    return {QStringLiteral("newEventAction"),    QStringLiteral("newActorAction"),
            QStringLiteral("newRelationAction"), QStringLiteral("newSourceAction"),
            QStringLiteral("citeAction"),        QStringLiteral("noteAction"),
            QStringLiteral("importAction"),      QStringLiteral("undoAction"),
            QStringLiteral("redoAction"),        QStringLiteral("addScene"),
            QStringLiteral("updateScene"),       QStringLiteral("renameScene"),
            QStringLiteral("editSceneCaption"),  QStringLiteral("sceneUp"),
            QStringLiteral("sceneDown"),         QStringLiteral("deleteScene"),
            QStringLiteral("unpinActorAction"),  QStringLiteral("noteButton"),
            QStringLiteral("citeButton"),        QStringLiteral("correctionNoteButton"),
            QStringLiteral("attributesButton"),  QStringLiteral("saveButton")};
}

void SharedSession::applyRole()
{
    QMainWindow* window = m_window;
    if (!window)
        return;
    // The reason (or none) for each id that writes.
    QHash<QString, QString> reasons;
    const QString noEdit = whyNotEdit();
    for (int v = 0; v <= int(Verification::Cleared); ++v)
        reasons.insert(QStringLiteral("statusAction%1").arg(v), whyNotStatus(Verification(v)));
    reasons.insert(QStringLiteral("deleteEntryAction"), whyNotDelete());
    reasons.insert(QStringLiteral("deleteButton"), whyNotDelete());
    for (const QString& id : writingActionIds())
        reasons.insert(id, noEdit);
    // Whatever else the Entry menu holds adds or changes entries.
    if (auto* entry = window->findChild<QMenu*>(QStringLiteral("entryMenu")))
        for (QAction* a : entry->actions())
            if (!a->isSeparator())
                gate(a, noEdit);

    // The details panel's status list: each status the role may not set, with the reason.
    if (auto* combo = window->findChild<QComboBox*>(QStringLiteral("statusCombo"))) {
        if (auto* model = qobject_cast<QStandardItemModel*>(combo->model()))
            for (int i = 0; i < combo->count(); ++i) {
                const QString why = whyNotStatus(Verification(combo->itemData(i).toInt()));
                if (QStandardItem* item = model->item(i)) {
                    // The entry's own status stays pickable so the list can show it.
                    item->setEnabled(why.isEmpty() || i == combo->currentIndex());
                    item->setToolTip(why);
                }
            }
        gate(combo, noEdit); // offline, or a viewer (enabled again when back)
    }
    QString editWhy = noEdit;
    if (editWhy.isEmpty() && rank(m_role) < rank(QStringLiteral("editor"))) {
        // A reporter edits drafts only: the server refuses a change to anything checked.
        if (auto* main = qobject_cast<MainWindow*>(window); main && main->selection()) {
            const auto cur = main->selection()->current();
            std::optional<Verification> status;
            try {
                if (cur && cur->kind == EntityKind::Event) {
                    if (const auto e = m_story->store().event(cur->id))
                        status = e->status;
                } else if (cur && cur->kind == EntityKind::Relation) {
                    if (const auto r = m_story->store().relation(cur->id))
                        status = r->status;
                }
            } catch (const StoreError&) {
            }
            if (status && *status != Verification::Draft)
                editWhy =
                    tr("Your role on this server is %1; reporters edit drafts only").arg(m_role);
        }
    }
    reasons.insert(QStringLiteral("editButton"), editWhy);
    reasons.insert(QStringLiteral("editEntryAction"), editWhy);
    // Every object of an id, in one pass (a context menu open now repeats the Edit menu's).
    const QList<QObject*> all = window->findChildren<QObject*>();
    for (QObject* o : all)
        if (const auto it = reasons.constFind(o->objectName()); it != reasons.constEnd())
            gate(o, *it);
}

} // namespace chronomap
