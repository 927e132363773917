#include "opensharedialog.h"

#include "mainwindow.h"
#include "store/postgres/pgconnection.h"
#include "story/story.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QThread>
#include <QUrl>
#include <QUrlQuery>

namespace chronomap {

namespace {

const QString kLastShared = QStringLiteral("shared/lastFields");

QString encoded(const QString& part)
{
    return QString::fromUtf8(QUrl::toPercentEncoding(part));
}

} // namespace

OpenSharedDialog::OpenSharedDialog(QWidget* parent)
    : QDialog(parent), m_host(new QLineEdit), m_port(new QSpinBox), m_database(new QLineEdit),
      m_story(new QLineEdit), m_user(new QLineEdit), m_preview(new QLabel)
{
    setWindowTitle(tr("Open Shared Story"));
    m_host->setObjectName(QStringLiteral("hostField"));
    m_port->setObjectName(QStringLiteral("portField"));
    m_database->setObjectName(QStringLiteral("databaseField"));
    m_story->setObjectName(QStringLiteral("storyField"));
    m_user->setObjectName(QStringLiteral("userField"));
    m_port->setRange(1, 65535);
    m_port->setValue(5432);
    m_host->setPlaceholderText(QStringLiteral("localhost"));
    m_database->setPlaceholderText(tr("newsroom"));
    m_story->setPlaceholderText(tr("peace-plan"));
    m_user->setPlaceholderText(defaultAuthor());
    m_preview->setTextFormat(Qt::PlainText);
    m_preview->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_preview->setWordWrap(true);
    m_preview->setObjectName(QStringLiteral("urlPreview"));

    // Wide enough for an address on two lines: word-wrapped labels do not widen a dialog.
    setMinimumWidth(fontMetrics().averageCharWidth() * 64);
    auto* form = new QFormLayout(this);
    auto* intro = new QLabel(tr("A story kept on a PostgreSQL server, shared with your desk. The "
                                "password comes from ~/.pgpass or PGPASSWORD; if the server "
                                "wants one and neither has it, you are asked for it."));
    intro->setWordWrap(true);
    form->addRow(intro);
    form->addRow(tr("&Server:"), m_host);
    form->addRow(tr("&Port:"), m_port);
    form->addRow(tr("&Database:"), m_database);
    form->addRow(tr("S&tory:"), m_story);
    form->addRow(tr("&User:"), m_user);
    form->addRow(tr("Address:"), m_preview);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Open | QDialogButtonBox::Cancel);
    m_open = buttons->button(QDialogButtonBox::Open);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    for (QLineEdit* e : {m_host, m_database, m_story, m_user})
        connect(e, &QLineEdit::textChanged, this, &OpenSharedDialog::update);
    connect(m_port, &QSpinBox::valueChanged, this, &OpenSharedDialog::update);

    // The fields of last time (no password is ever among them).
    const QStringList last = QSettings().value(kLastShared).toStringList();
    if (last.size() == 5)
        setFields(last[0], last[1].toInt(), last[2], last[3], last[4]);
    update();
    connect(this, &QDialog::accepted, this, [this] {
        QSettings().setValue(kLastShared,
                             QStringList{m_host->text(), QString::number(m_port->value()),
                                         m_database->text(), m_story->text(), m_user->text()});
    });
}

void OpenSharedDialog::setFields(const QString& host, int port, const QString& database,
                                 const QString& story, const QString& user)
{
    m_host->setText(host);
    m_port->setValue(port > 0 ? port : 5432);
    m_database->setText(database);
    m_story->setText(story);
    m_user->setText(user);
    update();
}

QString OpenSharedDialog::buildUrl(const QString& host, int port, const QString& database,
                                   const QString& story, const QString& user)
{
    const QString h = host.trimmed().isEmpty() ? QStringLiteral("localhost") : host.trimmed();
    if (database.trimmed().isEmpty() || story.trimmed().isEmpty())
        return {};
    const QString db = encoded(database.trimmed());
    const QString name = encoded(story.trimmed());
    const QString u = user.trimmed();
    // Built by joining, not by arg(): the encoded parts hold '%' themselves.
    const QString userPart = u.isEmpty() ? QString() : encoded(u);
    if (h.startsWith(u'/')) // a folder holding the server's socket
        return QStringLiteral("postgresql:///") + db + QStringLiteral("?host=") + encoded(h) +
               QStringLiteral("&port=") + QString::number(port) +
               (u.isEmpty() ? QString() : QStringLiteral("&user=") + userPart) +
               QStringLiteral("&story=") + name;
    const QString hostPart = h.contains(u':') ? u'[' + h + u']' : encoded(h); // IPv6
    return QStringLiteral("postgresql://") + (u.isEmpty() ? QString() : userPart + u'@') +
           hostPart + u':' + QString::number(port) + u'/' + db + QStringLiteral("?story=") + name;
}

QString OpenSharedDialog::url() const
{
    return buildUrl(m_host->text(), m_port->value(), m_database->text(), m_story->text(),
                    m_user->text().isEmpty() ? defaultAuthor() : m_user->text());
}

void OpenSharedDialog::update()
{
    const QString u = url();
    m_preview->setText(u.isEmpty() ? tr("(name the database and the story)") : u);
    if (m_open)
        m_open->setEnabled(!u.isEmpty());
    // A longer address takes another line: the dialog grows (never shrinks while typing)
    // rather than squeezing the text above it.
    if (const int wanted = layout()->heightForWidth(width()); wanted > height())
        resize(width(), wanted);
}

QString recentEntryName(const QString& locator)
{
    if (!Store::isUrl(locator))
        return QFileInfo(locator).fileName();
    const QUrl url(locator);
    const QUrlQuery query(url);
    QString host = url.host();
    if (host.isEmpty())
        host = query.queryItemValue(QStringLiteral("host"), QUrl::FullyDecoded);
    if (host.isEmpty())
        host = QStringLiteral("localhost");
    return QApplication::translate("chronomap::OpenSharedDialog", "%1 on %2/%3")
        .arg(query.queryItemValue(QStringLiteral("story"), QUrl::FullyDecoded), host,
             url.path().mid(1));
}

void installSharedActions(MainWindow* window, QMenu* fileMenu)
{
    auto* open = new QAction(OpenSharedDialog::tr("Open &Shared Story…"), window);
    open->setObjectName(QStringLiteral("openSharedAction"));
    open->setToolTip(OpenSharedDialog::tr("Open a story kept on a PostgreSQL server"));
    QAction* before = nullptr;
    const QList<QAction*> actions = fileMenu->actions();
    for (qsizetype i = 0; i + 1 < actions.size(); ++i)
        if (actions[i]->objectName() == QLatin1String("openAction"))
            before = actions[i + 1];
    fileMenu->insertAction(before, open);
    QObject::connect(open, &QAction::triggered, window, [window] {
        OpenSharedDialog dialog(window);
        if (dialog.exec() == QDialog::Accepted && !dialog.url().isEmpty())
            window->openStory(dialog.url());
    });

    // The first window installs the prompt; a test may put its own in place afterwards.
    static bool prompting = false;
    if (prompting)
        return;
    prompting = true;
    PgConnection::setPasswordPrompt([](const QString& display) -> QString {
        // Only the window's thread may ask; a background connection goes without.
        if (!qApp || QThread::currentThread() != qApp->thread() ||
            QGuiApplication::platformName() == QLatin1String("offscreen"))
            return {};
        bool ok = false;
        const QString typed = QInputDialog::getText(
            QApplication::activeWindow(), OpenSharedDialog::tr("Password"),
            OpenSharedDialog::tr("The server of %1 wants the password of its user:").arg(display),
            QLineEdit::Password, QString(), &ok);
        return ok ? typed : QString();
    });
}

} // namespace chronomap
