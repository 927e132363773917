#include "citedialog.h"

#include "edit/edits.h"
#include "entryform.h"
#include "story/story.h"
#include "text/storytext.h"
#include "theme/windowtheme.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace chronomap {

CiteDialog::CiteDialog(Story* story, QWidget* parent)
    : QDialog(parent), m_story(story), m_source(new QComboBox), m_quote(new QPlainTextEdit),
      m_locator(new QLineEdit)
{
    setWindowTitle(tr("Cite a Source"));
    auto* form = new QFormLayout;
    auto* row = new QHBoxLayout;
    row->addWidget(m_source, 1);
    auto* add = new QPushButton(tr("New Source…"));
    row->addWidget(add);
    // A row of several widgets: the label needs its buddy, or it shows the "&" as written.
    auto* sourceLabel = new QLabel(tr("&Source"));
    sourceLabel->setBuddy(m_source);
    form->addRow(sourceLabel, row);
    m_quote->setPlaceholderText(tr("The sentence this entry rests on, quoted exactly"));
    m_quote->setTabChangesFocus(true);
    form->addRow(tr("&Quote"), m_quote);
    m_locator->setPlaceholderText(tr("paragraph, page or timestamp"));
    form->addRow(tr("&Where"), m_locator);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(add, &QPushButton::clicked, this, &CiteDialog::newSource);
    auto update = [this, buttons] {
        buttons->button(QDialogButtonBox::Ok)->setEnabled(sourceId() != 0);
    };
    connect(m_source, &QComboBox::currentIndexChanged, this, update);
    reloadSources(0);
    update();
    resize(520, 320);
}

void CiteDialog::reloadSources(Id select)
{
    m_source->clear();
    for (const Source& s : m_story->store().sources())
        m_source->addItem(s.publisher.isEmpty() ? s.title : tr("%1 — %2").arg(s.title, s.publisher),
                          s.id);
    if (select)
        m_source->setCurrentIndex(m_source->findData(select));
}

void CiteDialog::newSource()
{
    const Id id = runNewEntryDialog(m_story, Source{}, tr("New Source"), this);
    if (id)
        reloadSources(id);
}

Id CiteDialog::sourceId() const
{
    return m_source->currentData().toLongLong();
}

QString CiteDialog::quote() const
{
    return m_quote->toPlainText().trimmed();
}

QString CiteDialog::locator() const
{
    return m_locator->text().trimmed();
}

Id runNewEntryDialog(Story* story, const Entity& blank, const QString& title, QWidget* parent)
{
    QDialog dialog(parent);
    dialog.setWindowTitle(title);
    auto* form = new EntryForm(story, &dialog);
    form->setEntity(blank);
    auto* problem = plainLabel(new QLabel(&dialog));
    problem->setWordWrap(true);
    problem->setStyleSheet(WindowTheme::problemStyleSheet(dialog.palette()));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    auto* layout = new QVBoxLayout(&dialog);
    layout->addWidget(form);
    layout->addWidget(problem);
    layout->addWidget(buttons);
    // What is missing is said once the user has typed something, not in red on an empty
    // form; until then OK just waits.
    bool typed = false;
    auto check = [form, problem, buttons, &typed] {
        const QString p = form->problem();
        problem->setText(typed ? p : QString());
        buttons->button(QDialogButtonBox::Ok)->setEnabled(p.isEmpty());
    };
    QObject::connect(form, &EntryForm::validityChanged, &dialog, [&typed, check] {
        typed = true;
        check();
    });
    check();
    QObject::connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    Id created = 0;
    QObject::connect(buttons, &QDialogButtonBox::accepted, &dialog, [&] {
        auto* cmd = makeInsert(story, form->entity());
        QString error;
        if (EditGuard::push(story, cmd, &error)) {
            created = cmd->createdId();
            if (form->mediaChanged())
                EntryForm::saveMedia(story, created, form->media(), &error);
            dialog.accept();
        } else {
            problem->setText(error); // stays open: nothing typed is lost
        }
    });
    dialog.resize(560, dialog.sizeHint().height());
    if (form->titleEdit())
        form->titleEdit()->setFocus();
    dialog.exec();
    return created;
}

} // namespace chronomap
