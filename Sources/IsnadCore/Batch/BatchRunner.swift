import Foundation
import PCRE2

/// Runs extraction over many inputs on several threads, delivering results in input order.
///
/// One reader (the calling thread) takes inputs in order; `jobs` workers decode and extract;
/// the caller's `deliver` sees each outcome in input order, on one thread at a time. At most
/// `window` inputs are in flight, so memory stays flat however long the input, and the output
/// order and bytes never depend on the number of jobs.
public struct BatchRunner: Sendable {
    public enum Outcome: Sendable {
        case document(DocumentResult, rendered: String?, bytes: Int)
        case fault(InputFault)
    }

    public let extractor: Extractor
    public let decoder: InputDecoder
    public let jobs: Int
    public let window: Int
    /// Per-document rendering done on the workers (a format whose text for one document does
    /// not depend on the others, such as JSON Lines); nil leaves rendering to the caller.
    public let render: (@Sendable (DocumentResult) -> String)?
    /// Whether results keep the document text (the HTML report needs it; extraction does not).
    public let keepText: Bool

    public init(extractor: Extractor, decoder: InputDecoder = InputDecoder(), jobs: Int, window: Int? = nil,
                keepText: Bool = false, render: (@Sendable (DocumentResult) -> String)? = nil) {
        self.extractor = extractor
        self.decoder = decoder
        self.jobs = max(1, jobs)
        self.window = window ?? max(1, jobs) * 32
        self.render = render
        self.keepText = keepText
    }

    /// Processes one raw input: decode, extract, optionally render.
    public func process(_ raw: RawInput, workspace: Workspace) -> Outcome {
        switch decoder.decode(raw) {
        case .failure(let fault): return .fault(fault)
        case .success(let doc):
            do {
                var result = try extractor.extract(doc.text, document: doc.name, workspace: workspace)
                result.carried = doc.carried
                if !keepText { result.text = nil }
                return .document(result, rendered: render?(result), bytes: doc.byteCount)
            } catch {
                return .fault(InputFault(kind: .extraction, message: "\(raw.location): \(error.message) (PCRE2 \(error.code)); the document is skipped"))
            }
        }
    }

    /// Runs over every input of `reader`, calling `deliver` in input order. Listing faults
    /// (missing paths) are delivered first.
    public func run(_ reader: InputReader, deliver: (Outcome) -> Void) {
        for f in reader.listingFaults { deliver(.fault(f)) }
        if jobs == 1 {
            let workspace = Workspace()
            while let next = reader.next() {
                switch next {
                case .success(let raw): deliver(process(raw, workspace: workspace))
                case .failure(let f): deliver(.fault(f))
                }
            }
            return
        }
        let state = SharedState(capacity: window)
        var workers: [Thread] = []
        for _ in 0..<jobs {
            let t = Thread { [self] in
                let workspace = Workspace()
                while let item = state.take() {
                    let outcome: Outcome
                    switch item.1 {
                    case .success(let raw): outcome = self.process(raw, workspace: workspace)
                    case .failure(let f): outcome = .fault(f)
                    }
                    state.finish(item.0, outcome)
                }
            }
            t.stackSize = 8 << 20
            t.start()
            workers.append(t)
        }
        // The calling thread reads and, between reads, delivers whatever is ready in order.
        var sequence = 0
        while let next = reader.next() {
            state.waitForRoom { deliver($0) }
            state.put((sequence, next))
            sequence += 1
            state.deliverReady { deliver($0) }
        }
        state.close(total: sequence)
        state.drain { deliver($0) }
    }
}

/// The queue between the reader, the workers and the in-order delivery.
final class SharedState: @unchecked Sendable {
    private let lock = NSCondition()
    private var queue: [(Int, Result<RawInput, InputFault>)] = []
    private var queueHead = 0
    private var done: [Int: BatchRunner.Outcome] = [:]
    private var nextToDeliver = 0
    private var submitted = 0
    private var closed = false
    private let capacity: Int

    init(capacity: Int) { self.capacity = capacity }

    func put(_ item: (Int, Result<RawInput, InputFault>)) {
        lock.lock()
        queue.append(item)
        submitted += 1
        lock.broadcast()
        lock.unlock()
    }

    /// Next item for a worker; nil once the input is closed and the queue is empty.
    func take() -> (Int, Result<RawInput, InputFault>)? {
        lock.lock()
        defer { lock.unlock() }
        while queueHead >= queue.count && !closed { lock.wait() }
        guard queueHead < queue.count else { return nil }
        let item = queue[queueHead]
        queueHead += 1
        if queueHead > 1024 && queueHead * 2 > queue.count {
            queue.removeFirst(queueHead)
            queueHead = 0
        }
        return item
    }

    func finish(_ index: Int, _ outcome: BatchRunner.Outcome) {
        lock.lock()
        done[index] = outcome
        lock.broadcast()
        lock.unlock()
    }

    /// Pops the outcomes that are next in order (outside the lock, the caller delivers them).
    private func popReady() -> [BatchRunner.Outcome] {
        var out: [BatchRunner.Outcome] = []
        while let o = done.removeValue(forKey: nextToDeliver) {
            out.append(o)
            nextToDeliver += 1
        }
        return out
    }

    func deliverReady(_ deliver: (BatchRunner.Outcome) -> Void) {
        lock.lock()
        let ready = popReady()
        lock.unlock()
        ready.forEach(deliver)
    }

    /// Blocks while `capacity` inputs are in flight, delivering what finishes meanwhile.
    func waitForRoom(_ deliver: (BatchRunner.Outcome) -> Void) {
        while true {
            lock.lock()
            var ready = popReady()
            if ready.isEmpty && submitted - nextToDeliver >= capacity {
                lock.wait()
                ready = popReady()
            }
            let full = submitted - nextToDeliver >= capacity
            lock.unlock()
            ready.forEach(deliver)
            if !full { return }
        }
    }

    func close(total: Int) {
        lock.lock()
        closed = true
        lock.broadcast()
        lock.unlock()
    }

    /// Delivers everything left, in order, waiting for the workers.
    func drain(_ deliver: (BatchRunner.Outcome) -> Void) {
        while true {
            lock.lock()
            var ready = popReady()
            while ready.isEmpty && nextToDeliver < submitted {
                lock.wait()
                ready = popReady()
            }
            let finished = nextToDeliver >= submitted
            lock.unlock()
            ready.forEach(deliver)
            if finished && ready.isEmpty { return }
            if finished { continue }
        }
    }
}
