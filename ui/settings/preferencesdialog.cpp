#include "preferencesdialog.h"

#include "preferences.h"
#include "story/story.h"
#include "text/storytext.h"
#include "theme/windowtheme.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace chronomap {

PreferencesDialog::PreferencesDialog(QWidget* parent) : QDialog(parent)
{
    setWindowTitle(tr("Preferences"));
    setObjectName(QStringLiteral("preferencesDialog"));
    auto* form = new QFormLayout;

    m_author = new QLineEdit(Preferences::savedAuthor());
    m_author->setObjectName(QStringLiteral("authorField"));
    m_author->setPlaceholderText(defaultAuthor());
    m_author->setAccessibleName(tr("Your name"));
    m_author->setAccessibleDescription(
        tr("Notes and the change log are signed with this name; empty uses the login name"));
    form->addRow(tr("Your &name:"), m_author);
    if (!qEnvironmentVariableIsEmpty("CHRONOMAP_AUTHOR")) {
        auto* note = plainLabel(
            new QLabel(tr("CHRONOMAP_AUTHOR is set: edits are signed \"%1\" while it is.")
                           .arg(qEnvironmentVariable("CHRONOMAP_AUTHOR"))));
        note->setWordWrap(true);
        form->addRow(QString(), note);
    }

    m_theme = new QComboBox;
    m_theme->setObjectName(QStringLiteral("themeBox"));
    m_theme->setAccessibleName(tr("Theme"));
    for (const QString& name : Preferences::themeNames())
        m_theme->addItem(WindowTheme::displayName(name), name);
    m_theme->setCurrentIndex(m_theme->findData(Preferences::theme()));
    form->addRow(tr("&Theme:"), m_theme);

    m_lanes = new QComboBox;
    m_lanes->setObjectName(QStringLiteral("lanesBox"));
    m_lanes->setAccessibleName(tr("Timeline lanes"));
    m_lanes->addItem(tr("One per category"), int(LaneMode::Category));
    m_lanes->addItem(tr("One per actor"), int(LaneMode::Actor));
    m_lanes->addItem(tr("Packed (fewest lanes)"), int(LaneMode::Packed));
    m_lanes->setCurrentIndex(m_lanes->findData(int(Preferences::laneMode())));
    form->addRow(tr("Timeline &lanes:"), m_lanes);

    m_clearRecent = new QPushButton(tr("&Clear Recent Files"));
    m_clearRecent->setObjectName(QStringLiteral("clearRecentButton"));
    m_clearRecent->setEnabled(!Preferences::recentFiles().isEmpty());
    connect(m_clearRecent, &QPushButton::clicked, this, [this] {
        Preferences::clearRecent();
        m_clearRecent->setEnabled(false);
    });
    form->addRow(tr("Recent files:"), m_clearRecent);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        save();
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);
}

void PreferencesDialog::save()
{
    Preferences::setAuthor(m_author->text());
    Preferences::setTheme(m_theme->currentData().toString());
    Preferences::setLaneMode(LaneMode(m_lanes->currentData().toInt()));
}

} // namespace chronomap
