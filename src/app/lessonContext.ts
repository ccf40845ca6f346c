// The lesson of the page's link, for the form's fields: each asks whether it is locked or hidden.
// A context whose default is the lesson of the address the page opened with, so the fields need
// no provider around them; the lesson never changes while the page is open.
import { createContext, useContext } from 'react';
import {
  NO_LESSON,
  controlRule,
  type ControlKey,
  type ControlRule,
  type Lesson,
} from './lessonLink.ts';
import { parseUrlState } from './urlState.ts';

function pageLesson(): Lesson {
  return typeof window === 'undefined' ? NO_LESSON : parseUrlState(window.location.search).lesson;
}

export const LessonContext = createContext<Lesson>(pageLesson());

export function useLesson(): Lesson {
  return useContext(LessonContext);
}

export function useControlRule(key: ControlKey): ControlRule {
  return controlRule(useContext(LessonContext), key);
}
