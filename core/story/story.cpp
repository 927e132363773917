#include "story.h"

#include "interchange/chronomapjson.h"

#include <QCoreApplication>
#include <QFile>
#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>
#include <QDir>
#include <QUndoStack>

#include <cstdlib>

#ifdef Q_OS_UNIX
#include <pwd.h>
#include <unistd.h>
#endif

namespace chronomap {

QString defaultAuthor()
{
    for (const char* var : {"CHRONOMAP_AUTHOR", "USER", "LOGNAME", "USERNAME"}) {
        const QString v = qEnvironmentVariable(var);
        if (!v.isEmpty())
            return v;
    }
#ifdef Q_OS_UNIX
    // No variable set (a service, a desktop launcher): the login name of the account.
    if (const passwd* pw = getpwuid(getuid()); pw && pw->pw_name && *pw->pw_name)
        return QString::fromLocal8Bit(pw->pw_name);
#endif
    // The home folder is named after the user on every desktop system.
    if (const QString home = QDir::home().dirName(); !home.isEmpty() && home != QLatin1String("/"))
        return home;
    return QCoreApplication::translate("chronomap::Story", "unknown author");
}

Story::Story(std::unique_ptr<Store> store)
    : m_store(std::move(store)), m_undo(new QUndoStack(this)), m_author(defaultAuthor())
{
    m_store->loadTimeIndex(m_index);
    m_dataVersion = m_store->dataVersion();
}

Story::~Story() = default;

std::unique_ptr<Story> Story::open(const QString& path, Store::Mode mode, Store::Check check)
{
    return std::unique_ptr<Story>(new Story(Store::open(path, mode, check)));
}

void Story::startIntegrityCheck()
{
    auto* watcher = new QFutureWatcher<QString>(this);
    connect(watcher, &QFutureWatcher<QString>::finished, this, [this, watcher] {
        emit integrityChecked(watcher->result());
        watcher->deleteLater();
    });
    watcher->setFuture(QtConcurrent::run(&Store::checkIntegrity, path()));
}

std::unique_ptr<Story> Story::create(const QString& path, bool empty)
{
    std::unique_ptr<Store> store = Store::open(path, Store::Mode::Create);
    if (!empty) {
        try {
            QFile seed(QStringLiteral(":/seed/peace-plan.json"));
            if (!seed.open(QIODevice::ReadOnly))
                throw StoreError(QCoreApplication::translate(
                    "chronomap::Story", "the seed story is missing from this build"));
            readStoryJson(*store, seed.readAll(),
                          QCoreApplication::translate("chronomap::Story", "seed story"));
        } catch (...) {
            store.reset();
            QFile::remove(path);
            QFile::remove(path + QStringLiteral("-wal"));
            QFile::remove(path + QStringLiteral("-shm"));
            throw;
        }
    } else {
        store->setMeta(QStringLiteral("title"), QStringLiteral("Untitled story"));
    }
    return std::unique_ptr<Story>(new Story(std::move(store)));
}

QString Story::title() const
{
    const QString t = m_store->meta(QStringLiteral("title"));
    return t.isEmpty() ? QStringLiteral("Untitled story") : t;
}

void Story::apply(const Change& change, const std::function<void(Store&)>& write,
                  const QList<ChangeRecord>& audit)
{
    {
        Store::Transaction tx(*m_store);
        write(*m_store);
        for (ChangeRecord rec : audit) {
            if (rec.author.isEmpty())
                rec.author = m_author;
            m_store->logChange(rec);
        }
        tx.commit();
    }
    m_dataVersion = m_store->dataVersion();
    refreshIndex(change);
    emit changed(change);
}

void Story::applyEdit(const std::function<void(Store&, Change&, QList<ChangeRecord>&)>& write)
{
    Change change;
    {
        QList<ChangeRecord> audit;
        Store::Transaction tx(*m_store);
        write(*m_store, change, audit);
        for (ChangeRecord rec : std::as_const(audit)) {
            if (rec.author.isEmpty())
                rec.author = m_author;
            m_store->logChange(rec);
        }
        tx.commit();
    }
    m_dataVersion = m_store->dataVersion();
    refreshIndex(change);
    emit changed(change);
}

void Story::refreshIndex(const Change& change)
{
    if (change.action == Change::Action::Reset) {
        m_store->loadTimeIndex(m_index);
        return;
    }
    if (change.kind != EntityKind::Event)
        return;
    for (Id id : change.ids) {
        if (change.action == Change::Action::Removed) {
            m_index.remove(id);
        } else if (const auto e = m_store->event(id)) {
            m_index.upsert(TimeIndex::rowOf(*e));
        }
    }
}

void Story::reload()
{
    m_store->loadTimeIndex(m_index);
    m_dataVersion = m_store->dataVersion();
    emit changed(Change::reset());
}

bool Story::changedOutside()
{
    const qint64 v = m_store->dataVersion();
    if (v == m_dataVersion)
        return false;
    m_dataVersion = v;
    return true;
}

} // namespace chronomap
