/**
 * The network of profile courses (сеть профильных курсов): resource centres, profiles,
 * courses, groups, study plans, enrolment, the network timetable — its validation and its
 * solver, which also reads, solves and evaluates ITC-2007 curriculum-based course
 * timetabling instances — final assessment, completion certificates and the indicators they
 * feed.
 *
 * @example
 * ```ts
 * import { createCourseNetwork, enrolStudents, solveCourseNetwork, validateTimetable } from '@eduset/core/courses';
 * declare const json: unknown;
 * const network = createCourseNetwork(json);
 * const { enrolment } = enrolStudents(network);
 * const { timetable } = solveCourseNetwork(network, enrolment, { seed: 1, iterations: 100_000 });
 * validateTimetable(network, enrolment, timetable).hard; // 0
 * ```
 *
 * @module courses
 */
export * from './certificates.js';
export * from './course-indicators.js';
export * from './enrolment.js';
export * from './itc2007.js';
export * from './model.js';
export * from './prng.js';
export * from './problem.js';
export * from './solver.js';
export * from './timetable.js';
export * from './view-schema.js';
export * from './views.js';
export * from './api.js';
export * from './plan-schema.js';
export * from './plan.js';
export * from './tables.js';
export * from './table-api.js';
