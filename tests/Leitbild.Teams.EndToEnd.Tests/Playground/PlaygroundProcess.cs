using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace Leitbild.Teams.EndToEnd.Tests.Playground;

/// <summary>
/// The Microsoft 365 Agents Playground (npm @microsoft/m365agentsplayground, pinned in tests/node/playground) as a
/// child process in its own process group, offline: no telemetry, no browser. Killed with its whole group.
/// </summary>
public sealed class PlaygroundProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<string> _output = [];

    private PlaygroundProcess(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    public string BaseUrl => $"http://127.0.0.1:{Port}";

    public IReadOnlyList<string> Output
    {
        get
        {
            lock (_output)
            {
                return [.. _output];
            }
        }
    }

    public static async Task<PlaygroundProcess> StartAsync(string botEndpoint, TimeSpan timeout)
    {
        var folder = Path.Combine(RepositoryRoot.Path, "tests", "node", "playground");
        var cli = Path.Combine(folder, "node_modules", "@microsoft", "m365agentsplayground", "cli.js");
        if (!File.Exists(cli))
        {
            throw new FileNotFoundException($"The Agents Playground is not installed: run 'npm ci' in {folder}.", cli);
        }
        var port = FreePort();
        // setsid: the Playground leads its own process group, so the whole group can be ended afterwards.
        var start = new ProcessStartInfo("setsid")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "node", cli, "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--app-endpoint", botEndpoint, "--channel-id", "msteams", "--disable-telemetry" })
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["APPLICATION_INSIGHTS_NO_STATSBEAT"] = "true";
        start.Environment["TEAMSAPPTESTER_BROWSER"] = "none";
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the Agents Playground.");
        var playground = new PlaygroundProcess(process, port);
        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) => playground.Collect(e.Data, listening);
        process.ErrorDataReceived += (_, e) => playground.Collect(e.Data, null);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var finished = await Task.WhenAny(listening.Task, process.WaitForExitAsync(), Task.Delay(timeout));
        if (finished != listening.Task)
        {
            await playground.DisposeAsync();
            throw new InvalidOperationException("The Agents Playground did not start:\n" + string.Join("\n", playground.Output));
        }
        return playground;
    }

    private void Collect(string? line, TaskCompletionSource? listening)
    {
        if (line is null)
        {
            return;
        }
        lock (_output)
        {
            _output.Add(line);
        }
        if (line.Contains($"Listening on {Port}", StringComparison.Ordinal))
        {
            listening?.TrySetResult();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            // The negative pid addresses the process group that setsid created.
            _ = Kill(-_process.Id, 15);
            if (!_process.WaitForExit(5000))
            {
                _ = Kill(-_process.Id, 9);
                _process.Kill(entireProcessTree: true);
            }
        }
        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
