import { configure } from '@testing-library/react';

// findBy*/waitFor give up after 1 s by default. Lazy views are real dynamic imports and the
// CI machine runs several suites at once, so allow more before failing; passing tests still
// finish as soon as the element appears (this is a ceiling, not a wait).
configure({ asyncUtilTimeout: 8000 });
