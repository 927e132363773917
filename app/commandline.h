#pragma once

#include <QStringList>

namespace chronomap {

// The command-line front end: parses the arguments and runs a subcommand without a window, or
// says that the window should open (and on which file). Every error is one line on stderr
// naming the file, with a non-zero exit code.
class CommandLine
{
public:
    explicit CommandLine(const QStringList& arguments);

    // True when the arguments ask for the window rather than a subcommand.
    bool wantsWindow() const { return m_wantsWindow; }
    // True when the subcommand draws (export, bench) and needs a GUI application.
    bool needsGui() const;
    QString fileToOpen() const { return m_file; }

    // Runs the subcommand; returns the process exit code.
    int run();

    static QString usage();

private:
    int runNew();
    int runInfo();
    int runGenerate();
    int runImport();
    int runExport();
    int runBench();
    int runCopy();
    int runAdmin();

    QStringList m_args;
    QString m_command;
    QString m_file;
    bool m_wantsWindow = false;
};

} // namespace chronomap
