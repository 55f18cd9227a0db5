export function App() {
  return <h1>Sổ Kế hoạch Công đoàn</h1>;
}
