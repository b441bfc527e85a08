// TEMPORARY STUB: being replaced.
export const getFloat16 = () => NaN, setFloat16 = () => {}, getFloat80 = () => NaN, setFloat80 = () => {}, getFloat128 = () => NaN, setFloat128 = () => {};
