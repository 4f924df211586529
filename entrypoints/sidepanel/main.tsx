import { render } from 'preact';
render(<p>溯源</p>, document.getElementById('app')!);
