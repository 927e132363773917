#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;
class QMenu;
class QPushButton;
class QSpinBox;

namespace chronomap {

class MainWindow;

// File › Open Shared Story: where the story lives (host, port, database), its name and the
// database user, put together as the story's address,
// postgresql://user@host:port/dbname?story=NAME. It asks for no password: libpq takes it from
// ~/.pgpass or PGPASSWORD, and the window asks only when the server wants one (the password
// then lives in the connection alone, never in the address, settings or recent files).
class OpenSharedDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit OpenSharedDialog(QWidget* parent = nullptr);

    // The address of the story the fields describe (empty while a field is missing).
    QString url() const;
    void setFields(const QString& host, int port, const QString& database, const QString& story,
                   const QString& user);
    // The address from its parts; a host that starts with '/' is a folder with the server's
    // unix socket.
    static QString buildUrl(const QString& host, int port, const QString& database,
                            const QString& story, const QString& user);

private:
    void update();

    QLineEdit* m_host;
    QSpinBox* m_port;
    QLineEdit* m_database;
    QLineEdit* m_story;
    QLineEdit* m_user;
    QLabel* m_preview;
    QPushButton* m_open = nullptr;
};

// Adds File › Open Shared Story… after File › Open, and lets the window ask for a server's
// password (once per connection, masked) when neither ~/.pgpass nor PGPASSWORD gave one.
void installSharedActions(MainWindow* window, QMenu* fileMenu);

// How a recent file reads in File › Open Recent: a file's name, or "NAME on host/db" for a
// shared story.
QString recentEntryName(const QString& locator);

} // namespace chronomap
