#pragma once

#include "model/entities.h"
#include "store/postgres/pgconnection.h"

#include <QObject>
#include <QPointer>

class QLabel;
class QMainWindow;
class QSocketNotifier;
class QTimer;

namespace chronomap {

class PgStore;
class Story;

// The window's side of a story on a PostgreSQL server. It follows other windows' edits as
// they are committed (it watches the connection's socket for notifications and hands them to
// Story::followOutside, which updates just those entries); says in a banner when the server is
// out of reach, keeps everything on screen (what is being typed included) and connects again
// by itself, sooner at first and then less often, without ever blocking the window (libpq's
// non-blocking connect, driven by the event loop, with a time limit per try); and greys out what
// the user's role on the server may not do, saying why. The role comes from the server's role
// membership, never from the client. One per open shared story: a child of its Story, gone with it.
class SharedSession final : public QObject
{
    Q_OBJECT

public:
    // For a story on a server: the session, watching from now on. nullptr for a file.
    static SharedSession* install(QMainWindow& window, Story* story);
    // The session of a story, or nullptr (a file).
    static SharedSession* of(const Story* story);

    bool isOnline() const { return m_online; }
    // The user's role as the server reported it when the story was opened ("viewer",
    // "reporter", "editor", "standards", or "owner").
    QString role() const { return m_role; }
    // Why the role cannot set this status, or empty when it can.
    QString whyNotStatus(Verification status) const;
    // Why the role cannot delete entries, or empty when it can.
    QString whyNotDelete() const;
    // Why the role cannot edit or add anything, or empty when it can.
    QString whyNotEdit() const;
    // The ids (objectName) of the controls that write and need only the right to edit; each
    // is greyed with the reason while offline or not allowed.
    static QStringList writingActionIds();
    // Narrows every control of the window (a context menu about to open included) to what
    // the role allows and the connection permits, with the reason as the tooltip.
    void applyRole();
    // The banner's text (empty while online).
    QString bannerText() const;

    // Reads what came on the socket now (the notifier calls this; tests may too).
    void poll();
    // Tries to reconnect now instead of at the next retry (nothing while a try is under way).
    // Returns at once: the try goes on in the event loop.
    void retryNow();
    // Whether a try to reconnect is under way, and how many tries began since going offline.
    bool isReconnecting() const { return m_reconnecting; }
    int tries() const { return m_tries; }
    // How long one try may take before it is given up (a host that accepts and says nothing,
    // a network that drops what is sent). Tests shorten it.
    void setTryTimeout(int ms) { m_tryTimeoutMs = ms; }

signals:
    void onlineChanged(bool online);

protected:
    // A control the details panel enables again on its own (after a save) is narrowed again.
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    SharedSession(QMainWindow& window, Story* story, PgStore* store);
    void watchSocket();
    void goOffline(const QString& why);
    void tryReconnect();
    // Takes the next step of a try as libpq asked: wait for the socket, or finish.
    void follow(PgConnection::Poll state);
    void tryFailed();
    void cameBack();
    void checkAlive();
    // Disables one control with the reason as its tooltip, or (why empty) gives it back as
    // its owner wants it.
    void gate(QObject* control, const QString& why);
    void ownerEnabled(QObject* control);
    void showBanner(const QString& text);

    QPointer<QMainWindow> m_window;
    Story* m_story;
    PgStore* m_store;
    QString m_role;
    bool m_online = true;
    QSocketNotifier* m_notifier = nullptr;
    QTimer* m_retry = nullptr;
    QTimer* m_heartbeat = nullptr;
    int m_delayMs = 0;
    bool m_reconnecting = false;
    int m_tries = 0;
    int m_tryTimeoutMs = 5000;
    QSocketNotifier* m_tryNotifier = nullptr;
    QTimer* m_tryTimer = nullptr;
    QPointer<QLabel> m_banner;
};

} // namespace chronomap
