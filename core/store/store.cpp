#include "store.h"

#include "postgres/pgstore.h"
#include "sqlite/sqlitestore.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace chronomap {

bool Store::isUrl(const QString& locator)
{
    return locator.startsWith(QLatin1String("postgresql://"), Qt::CaseInsensitive) ||
           locator.startsWith(QLatin1String("postgres://"), Qt::CaseInsensitive);
}

std::unique_ptr<Store> Store::open(const QString& locator, Mode mode, Check check)
{
    if (isUrl(locator))
        return PgStore::openUrl(locator, mode);
    return SqliteStore::openFile(locator, mode, check);
}

QString Store::checkIntegrity(const QString& locator)
{
    // A server checks its own pages; only a file is read through here.
    if (isUrl(locator))
        return {};
    return SqliteStore::checkIntegrity(locator);
}

Store::~Store() = default;

void Store::deleteEvents(const QList<Id>& ids)
{
    Transaction tx(*this);
    for (Id id : ids)
        deleteEvent(id);
    tx.commit();
}

// ---------------------------------------------------------------------------------------------
// Transactions

Store::Transaction::Transaction(Store& store) : m_store(store)
{
    if (store.m_readOnly) {
        // Why, when the file system decided (a read-only folder, disk or file).
        const bool said = store.m_readOnlyReason == ReadOnlyReason::Requested ||
                          store.m_readOnlyReason == ReadOnlyReason::None;
        const QString why =
            said ? QString() : u' ' + readOnlyReasonText(store.m_readOnlyReason, store.m_path);
        throw StoreError(
            QCoreApplication::translate("chronomap::Store",
                                        "%1: the story is open read-only; nothing was changed.%2")
                .arg(store.m_path, why));
    }
    m_outer = store.m_depth == 0;
    if (m_outer) {
        store.beginWrite();
        store.m_doomed = false;
    }
    ++store.m_depth;
}

Store::Transaction::~Transaction()
{
    --m_store.m_depth;
    if (m_done)
        return;
    if (m_outer)
        m_store.rollbackWrite();
    else
        m_store.m_doomed = true; // an inner part failed: the whole must not commit
}

void Store::Transaction::commit()
{
    m_done = true;
    if (!m_outer)
        return;
    if (m_store.m_doomed) {
        m_store.rollbackWrite();
        m_store.m_doomed = false;
        throw StoreError(
            QCoreApplication::translate("chronomap::Store",
                                        "%1: a part of the change failed; nothing was changed")
                .arg(m_store.m_path));
    }
    try {
        m_store.commitWrite();
    } catch (...) {
        m_store.rollbackWrite();
        throw;
    }
}

// ---------------------------------------------------------------------------------------------
// Search words

QStringList searchWords(const QString& userText)
{
    QStringList terms;
    const QStringList words =
        userText.left(1000).split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
    for (const QString& w : words) {
        QString word;
        auto flush = [&] {
            if (!word.isEmpty() && terms.size() < 32)
                terms << word;
            word.clear();
        };
        for (QChar c : w) {
            if (c.isLetterOrNumber() || c.isMark())
                word += c;
            else
                flush();
        }
        flush();
    }
    return terms;
}

} // namespace chronomap
