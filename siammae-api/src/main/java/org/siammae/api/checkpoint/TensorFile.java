package org.siammae.api.checkpoint;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.siammae.api.io.AtomicFiles;

/**
 * Reads and writes named tensors as a safetensors file, the format PyTorch tools read, so a
 * checkpoint can be inspected from Python with {@code safetensors.torch.load_file}.
 *
 * <p>Writes go through {@link AtomicFiles}, so an interrupted write never leaves a truncated file
 * under the final name.
 */
public final class TensorFile {

    private TensorFile() {}

    /**
     * Writes named arrays.
     *
     * @param file the destination
     * @param arrays the arrays by name
     * @throws IOException if the file cannot be written
     */
    public static void write(Path file, Map<String, NDArray> arrays) throws IOException {
        NDList list = new NDList();
        for (Map.Entry<String, NDArray> entry : arrays.entrySet()) {
            NDArray copy = entry.getValue().duplicate();
            copy.setName(entry.getKey());
            list.add(copy);
        }
        try {
            AtomicFiles.write(file, out -> list.encode(out, NDList.Encoding.SAFETENSORS));
        } finally {
            list.close();
        }
    }

    /**
     * Writes the values of named parameters.
     *
     * @param file the destination
     * @param parameters parameters by path, see {@link org.siammae.api.nn.ParameterPaths}
     * @throws IOException if the file cannot be written
     */
    public static void writeParameters(Path file, Map<String, Parameter> parameters)
            throws IOException {
        Map<String, NDArray> arrays = new LinkedHashMap<>();
        parameters.forEach((name, parameter) -> arrays.put(name, parameter.getArray()));
        write(file, arrays);
    }

    /**
     * Reads named arrays.
     *
     * @param file the source
     * @param manager where the arrays live
     * @return the arrays by name, in file order
     * @throws IOException if the file cannot be read or is not a tensor file
     */
    public static Map<String, NDArray> read(Path file, NDManager manager) throws IOException {
        NDList list;
        try (InputStream in = Files.newInputStream(file)) {
            list = NDList.decode(manager, in);
        } catch (IllegalArgumentException e) {
            throw new IOException("not a tensor file: " + file + " (" + e.getMessage() + ")", e);
        }
        Map<String, NDArray> arrays = new LinkedHashMap<>();
        for (NDArray array : list) {
            arrays.put(array.getName(), array);
        }
        return arrays;
    }

    /**
     * Copies stored values into parameters, matching {@code prefix + path} names.
     *
     * @param file the source, for messages
     * @param stored arrays by name, from {@link #read}
     * @param parameters the parameters to fill, by path
     * @param prefix prepended to each parameter path to find its stored name ({@code "encoder."}),
     *     or empty
     * @throws IOException naming every missing tensor and every shape mismatch
     */
    public static void loadInto(
            Path file, Map<String, NDArray> stored, Map<String, Parameter> parameters, String prefix)
            throws IOException {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, Parameter> entry : parameters.entrySet()) {
            String name = prefix + entry.getKey();
            NDArray source = stored.get(name);
            NDArray target = entry.getValue().getArray();
            if (source == null) {
                problems.add("missing tensor '" + name + "'");
            } else if (!source.getShape().equals(target.getShape())) {
                problems.add(
                        "tensor '"
                                + name
                                + "' has shape "
                                + source.getShape()
                                + ", the model expects "
                                + target.getShape());
            }
        }
        if (!problems.isEmpty()) {
            throw new IOException(
                    "checkpoint "
                            + file
                            + " does not fit the model (was it written for other component"
                            + " settings?): "
                            + String.join("; ", problems));
        }
        for (Map.Entry<String, Parameter> entry : parameters.entrySet()) {
            NDArray target = entry.getValue().getArray();
            NDArray source = stored.get(prefix + entry.getKey()).toDevice(target.getDevice(), false);
            source.copyTo(target);
        }
    }
}
