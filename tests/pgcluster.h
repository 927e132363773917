#pragma once

// A PostgreSQL 15 cluster of the test executable's own: initdb into a temporary folder and
// pg_ctl start, as the unprivileged user `nobody` when the tests run as root (PostgreSQL
// refuses root). The server listens on a unix socket in that folder only, never on TCP.
// One cluster per test executable, started at first use and stopped at exit.

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QThread>

#include <csignal>
#include <memory>

#include <pwd.h>
#include <sys/types.h>
#include <unistd.h>

namespace chronomap::testing {

class PgCluster
{
public:
    // The running cluster, or nullptr with why() set when PostgreSQL is not installed or does
    // not start.
    static PgCluster* instance()
    {
        static std::unique_ptr<PgCluster> cluster = [] {
            auto c = std::make_unique<PgCluster>();
            c->m_ok = c->start();
            return c;
        }();
        return cluster->m_ok ? cluster.get() : nullptr;
    }
    static QString why() { return instance() ? QString() : s_why; }
    // Whether the PostgreSQL server binaries are installed at all.
    static bool installed() { return !binDir().isEmpty(); }
    static QString binDir()
    {
        for (const char* c : {"/usr/lib/postgresql/15/bin", "/usr/lib/postgresql/16/bin",
                              "/usr/lib/postgresql/17/bin"})
            if (QFile::exists(QLatin1String(c) + QStringLiteral("/initdb")))
                return QLatin1String(c);
        return {};
    }

    ~PgCluster() { stop(); }

    // A URL for a story on the cluster, as `user` (the superuser who owns the schema when
    // empty).
    QString url(const QString& story, const QString& user = QString()) const
    {
        return QStringLiteral("postgresql:///postgres?host=%1&port=%2&user=%3&story=%4")
            .arg(m_dir->path())
            .arg(kPort)
            .arg(user.isEmpty() ? QStringLiteral("chronomap_admin") : user, story);
    }

    // psql as the superuser; returns its output, or the error text on failure.
    QString psql(const QString& sql, const QString& user = QString(), bool* ok = nullptr) const
    {
        QProcess p;
        p.start(m_bin + QStringLiteral("/psql"),
                {QStringLiteral("-X"), QStringLiteral("-q"), QStringLiteral("-A"),
                 QStringLiteral("-t"), QStringLiteral("-v"), QStringLiteral("ON_ERROR_STOP=1"),
                 QStringLiteral("-h"), m_dir->path(), QStringLiteral("-p"),
                 QString::number(kPort), QStringLiteral("-U"),
                 user.isEmpty() ? QStringLiteral("chronomap_admin") : user,
                 QStringLiteral("-d"), QStringLiteral("postgres"), QStringLiteral("-c"), sql});
        p.waitForFinished(60000);
        const bool good = p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
        if (ok)
            *ok = good;
        return QString::fromUtf8(good ? p.readAllStandardOutput() : p.readAllStandardError())
            .trimmed();
    }

    // The server process killed outright (no shutdown), then started again.
    bool killAndRestart() { return kill() && restart(); }

    // The server process killed outright, and gone. Its socket file stays behind, as after a
    // crash, until restart().
    bool kill()
    {
        const pid_t pid = serverPid();
        if (pid <= 0 || ::kill(pid, SIGKILL) != 0)
            return false;
        for (int i = 0; i < 500 && ::kill(pid, 0) == 0; ++i)
            QThread::msleep(10);
        return ::kill(pid, 0) != 0;
    }

    // Starts the server again after kill(): it recovers from its WAL.
    bool restart()
    {
        // Its backends end on their own once they notice; until then the old shared memory
        // is in use and the new server will not start.
        for (int attempt = 0; attempt < 40; ++attempt) {
            if (run(QStringLiteral("pg_ctl"), startArguments()))
                return true;
            QThread::msleep(250);
        }
        return false;
    }

    // Whether the server process is there (not after kill(), until restart()).
    bool isUp() const
    {
        const pid_t pid = serverPid();
        return pid > 0 && ::kill(pid, 0) == 0;
    }

    // The unix socket the server listens on (and libpq connects to).
    QString socketPath() const { return m_dir->filePath(QStringLiteral(".s.PGSQL.%1").arg(kPort)); }

    // A login role that must give a password over the socket (scram-sha-256), while every
    // other user keeps trust: pg_hba.conf gets a line for it before the others.
    bool requirePassword(const QString& user, const QString& password)
    {
        bool ok = false;
        psql(QStringLiteral("DO $$BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '%1') "
                            "THEN CREATE ROLE %1 LOGIN; END IF; END$$; "
                            "SET password_encryption = 'scram-sha-256'; "
                            "ALTER ROLE %1 PASSWORD '%2'")
                 .arg(user, password),
             QString(), &ok);
        if (!ok)
            return false;
        QFile hba(m_dir->filePath(QStringLiteral("data/pg_hba.conf")));
        if (!hba.open(QIODevice::ReadOnly))
            return false;
        QByteArray text = hba.readAll();
        hba.close();
        const QByteArray line = "local all " + user.toUtf8() + " scram-sha-256\n";
        if (!text.startsWith(line))
            text.prepend(line);
        if (!hba.open(QIODevice::WriteOnly | QIODevice::Truncate) || hba.write(text) != text.size())
            return false;
        hba.close();
        psql(QStringLiteral("SELECT pg_reload_conf()"), QString(), &ok);
        return ok;
    }

    static constexpr int kPort = 54329;

private:
    bool start()
    {
        m_bin = binDir();
        if (m_bin.isEmpty()) {
            s_why = QStringLiteral("PostgreSQL server binaries (initdb, pg_ctl) are not "
                                   "installed; packaging/install-deps.sh installs them");
            return false;
        }
        m_dir = std::make_unique<QTemporaryDir>(QDir::tempPath() + QStringLiteral("/cm-pg-XXXXXX"));
        if (!m_dir->isValid()) {
            s_why = QStringLiteral("no temporary folder for the cluster");
            return false;
        }
        if (::geteuid() == 0) {
            const passwd* nobody = ::getpwnam("nobody");
            if (!nobody ||
                ::chown(QFile::encodeName(m_dir->path()).constData(), nobody->pw_uid,
                        nobody->pw_gid) != 0) {
                s_why = QStringLiteral("cannot hand the cluster's folder to user nobody");
                return false;
            }
            m_asNobody = true;
        }
        if (!run(QStringLiteral("initdb"),
                 {QStringLiteral("-D"), m_dir->filePath(QStringLiteral("data")),
                  QStringLiteral("-U"), QStringLiteral("chronomap_admin"),
                  QStringLiteral("--auth=trust"), QStringLiteral("-E"), QStringLiteral("UTF8"),
                  QStringLiteral("--locale=C.UTF-8"), QStringLiteral("--no-sync")})) {
            s_why = QStringLiteral("initdb failed: ") + m_lastError;
            return false;
        }
        if (!run(QStringLiteral("pg_ctl"), startArguments())) {
            s_why = QStringLiteral("pg_ctl start failed: ") + m_lastError;
            return false;
        }
        m_started = true;
        return true;
    }

    QStringList startArguments() const
    {
        return {QStringLiteral("-D"),
                m_dir->filePath(QStringLiteral("data")),
                QStringLiteral("-l"),
                m_dir->filePath(QStringLiteral("server.log")),
                QStringLiteral("-w"),
                QStringLiteral("-o"),
                QStringLiteral("-k %1 -p %2 -c listen_addresses='' -c fsync=off "
                               "-c full_page_writes=off -c max_connections=40")
                    .arg(m_dir->path())
                    .arg(kPort),
                QStringLiteral("start")};
    }

    // Immediate shutdown by signal (no process to start: this runs at exit too), then waits
    // until the server is gone so that its folder can be removed.
    void stop()
    {
        if (!m_started)
            return;
        m_started = false;
        const pid_t pid = serverPid();
        if (pid <= 0 || ::kill(pid, SIGQUIT) != 0)
            return;
        for (int i = 0; i < 1000 && ::kill(pid, 0) == 0; ++i)
            QThread::msleep(5);
    }

    pid_t serverPid() const
    {
        QFile pidFile(m_dir->filePath(QStringLiteral("data/postmaster.pid")));
        if (!pidFile.open(QIODevice::ReadOnly))
            return 0;
        return pid_t(pidFile.readLine().trimmed().toInt());
    }

    bool run(const QString& tool, const QStringList& args)
    {
        QProcess p;
        QStringList all;
        QString program = m_bin + u'/' + tool;
        if (m_asNobody) {
            all << QStringLiteral("--reuid=nobody") << QStringLiteral("--regid=nogroup")
                << QStringLiteral("--clear-groups") << QStringLiteral("--reset-env") << program;
            program = QStringLiteral("setpriv");
        }
        all << args;
        p.setWorkingDirectory(m_dir->path());
        p.start(program, all);
        if (!p.waitForFinished(120000)) {
            m_lastError = QStringLiteral("timed out");
            p.kill();
            p.waitForFinished();
            return false;
        }
        m_lastError = QString::fromUtf8(p.readAllStandardError()).trimmed();
        return p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
    }

    inline static QString s_why;
    QString m_bin;
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_lastError;
    bool m_asNobody = false;
    bool m_started = false;
    bool m_ok = false;
};

} // namespace chronomap::testing
